// A value a rule builds the first time a document needs it. Every rule is
// constructed at start-up, whatever the document holds; what costs (folding a
// word list, indexing phrases) waits here until a check reaches it, then is
// built once per process under std::call_once and shared read-only by every
// thread. LazyRegex (regex.hpp) is the same idea for one pattern.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <utility>

namespace dhrlint::kit {

template <class T>
class Lazy {
 public:
  explicit Lazy(std::function<T()> make) : make_(std::move(make)) {}
  Lazy(const Lazy&) = delete;
  Lazy& operator=(const Lazy&) = delete;
  ~Lazy() = default;

  const T& get() const {
    std::call_once(once_, [this] { value_.emplace(make_()); });
    return *value_;
  }
  const T& operator*() const { return get(); }
  const T* operator->() const { return &get(); }

 private:
  std::function<T()> make_;
  mutable std::once_flag once_;
  mutable std::optional<T> value_;
};

}  // namespace dhrlint::kit
