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
