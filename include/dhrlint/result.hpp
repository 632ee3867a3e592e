// Errors as values at the package and XML boundary: an unreadable input is a
// Result holding an Error, never an exception that unwinds through the CLI.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dhrlint {

// The contract's `error_kind` values (output-contract.md), in one enum.
enum class ErrorKind {
  kNotZip,
  kLegacyDoc,
  kEncrypted,
  kTruncated,
  kZipBomb,
  kXml,
  kMissingPart,
  kNotWord,
  kIo,
};

// "not-zip", "legacy-doc", ... exactly as output-contract.md spells them.
std::string_view error_kind_name(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kIo;
  std::string message;  // one human sentence, no file name (the caller adds it)
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

inline Error make_error(ErrorKind kind, std::string message) {
  return Error{kind, std::move(message)};
}

}  // namespace dhrlint
