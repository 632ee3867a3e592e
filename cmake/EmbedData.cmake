# Compiles every file under data/ into the library as a string, reachable by
# its path relative to data/ through dhrlint::kit::embedded_data("terms/x.txt")
# (rules/kit/data.hpp). Data stays editable text in the repository; the
# binary needs no install step to find it.
function(dhrlint_embed_data target dir)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE "${dir}" "${dir}/*")
  list(FILTER files EXCLUDE REGEX "(^|/)README\\.md$")
  list(SORT files)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_data.cpp")
  set(deps "")
  foreach(f IN LISTS files)
    list(APPEND deps "${dir}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_data_run.cmake"
    DEPENDS ${deps} "${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_data_run.cmake"
    COMMENT "Embedding rule data from data/")
  target_sources(${target} PRIVATE "${out}")
endfunction()
