# Writes OUT, the gzipped man page of TOOL made by help2man from its --help,
# SUMMARY its NAME line. The build's own paths (the binary's in Usage:, the
# source tree's web/ in a default) become the installed ones.
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --version-string=${VERSION} "--name=${SUMMARY}" "${TOOL}"
  OUTPUT_VARIABLE page
  RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR page STREQUAL "")
  message(FATAL_ERROR "help2man failed on ${TOOL} (status ${status})")
endif()
get_filename_component(name "${TOOL}" NAME)
string(REPLACE "${TOOL}" "${name}" page "${page}")
string(REPLACE "-" "\\-" web "${SOURCE_DIR}/web")  # as help2man escapes it
string(REPLACE "${web}" "/usr/share/imrsearch/web" page "${page}")
get_filename_component(dir "${OUT}" DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" plain "${OUT}")
file(MAKE_DIRECTORY "${dir}")
file(WRITE "${plain}" "${page}")
execute_process(COMMAND gzip -9nf "${plain}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${plain}")
endif()
