# Fixtures that are unpacked OOXML folders (fixtures/ooxml/<case>/, holding
# [Content_Types].xml, _rels/, word/, ...) are zipped by the build into
# ${CMAKE_BINARY_DIR}/fixtures/ooxml/<case>.docx, so the repository keeps
# readable diffs and the tests read real packages.
file(GLOB fixture_dirs CONFIGURE_DEPENDS LIST_DIRECTORIES true
     "${CMAKE_CURRENT_SOURCE_DIR}/fixtures/ooxml/*")
set(DHRLINT_FIXTURE_DOCX "")
foreach(dir IN LISTS fixture_dirs)
  if(NOT IS_DIRECTORY "${dir}" OR NOT EXISTS "${dir}/[Content_Types].xml")
    continue()
  endif()
  get_filename_component(name "${dir}" NAME)
  set(out "${CMAKE_BINARY_DIR}/fixtures/ooxml/${name}.docx")
  file(GLOB_RECURSE parts CONFIGURE_DEPENDS RELATIVE "${dir}" "${dir}/*")
  list(FILTER parts EXCLUDE REGEX "^expected")
  list(SORT parts)
  set(deps "")
  foreach(p IN LISTS parts)
    list(APPEND deps "${dir}/${p}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fixtures/ooxml"
    COMMAND ${CMAKE_COMMAND} -E rm -f "${out}"
    COMMAND ${CMAKE_COMMAND} -E tar cf "${out}" --format=zip -- ${parts}
    WORKING_DIRECTORY "${dir}"
    DEPENDS ${deps}
    COMMENT "Zipping fixture ${name}")
  list(APPEND DHRLINT_FIXTURE_DOCX "${out}")
endforeach()
add_custom_target(dhrlint_fixtures ALL DEPENDS ${DHRLINT_FIXTURE_DOCX})

# The compact fixture format (.dhr, fixtures/README.md) is turned into .docx by
# dhrlint-mkfixture, built from the same generator the tests use in memory.
# fixtures/sample/<name>.dhr -> ${CMAKE_BINARY_DIR}/fixtures/sample/<name>.docx
# as part of `all`, so the README's sample drafts exist after a plain build.
add_executable(dhrlint-mkfixture
  "${CMAKE_CURRENT_SOURCE_DIR}/tests/support/mkfixture_main.cpp"
  "${CMAKE_CURRENT_SOURCE_DIR}/tests/support/fixture_docx.cpp")
target_include_directories(dhrlint-mkfixture PRIVATE
  "${CMAKE_CURRENT_SOURCE_DIR}/tests" "${CMAKE_CURRENT_SOURCE_DIR}/include")
target_link_libraries(dhrlint-mkfixture PRIVATE dhrlint_warnings PkgConfig::LIBZIP)

file(GLOB DHRLINT_SAMPLE_DHR CONFIGURE_DEPENDS
     "${CMAKE_CURRENT_SOURCE_DIR}/fixtures/sample/*.dhr")
set(DHRLINT_SAMPLE_DOCX "")
foreach(src IN LISTS DHRLINT_SAMPLE_DHR)
  get_filename_component(name "${src}" NAME_WE)
  set(out "${CMAKE_BINARY_DIR}/fixtures/sample/${name}.docx")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fixtures/sample"
    COMMAND dhrlint-mkfixture "${src}" "${out}"
    DEPENDS "${src}" dhrlint-mkfixture
    COMMENT "Building sample draft ${name}.docx")
  list(APPEND DHRLINT_SAMPLE_DOCX "${out}")
endforeach()
add_custom_target(dhrlint_sample_fixtures ALL DEPENDS ${DHRLINT_SAMPLE_DOCX})
