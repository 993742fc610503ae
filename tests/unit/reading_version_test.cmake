# ctest: kReadingVersion follows the sources that decide how a letter reads.
# Run with -P -DROOT=<source dir> -DSCRIPT=<indexer/parser/reading_version.cmake>
# -DBUILT=<the build's reading_version.h> -DWORK=<scratch folder>.
# A change to any file of these folders must give a new version; a change
# elsewhere must not; and the build's header must be the sources' own.
set(must_count indexer/reader indexer/layout indexer/parser indexer/document schema/include schema/src schema/data)

function(version_of root out_var)
  execute_process(COMMAND "${CMAKE_COMMAND}" "-DROOT=${root}" "-DOUT=${WORK}/version.h" -P "${SCRIPT}"
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${SCRIPT} failed on ${root}")
  endif()
  file(READ "${WORK}/version.h" text)
  string(REGEX MATCH "reading-[0-9a-f]+" version "${text}")
  set(${out_var} "${version}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/tree")

file(READ "${BUILT}" built_text)
string(REGEX MATCH "reading-[0-9a-f]+" built "${built_text}")
version_of("${ROOT}" sources)
if(NOT built STREQUAL sources)
  message(FATAL_ERROR "the build's kReadingVersion (${built}) is not its sources' (${sources}): rebuild")
endif()

foreach(folder IN LISTS must_count)
  get_filename_component(parent "${WORK}/tree/${folder}" DIRECTORY)
  file(COPY "${ROOT}/${folder}" DESTINATION "${parent}")
endforeach()
file(WRITE "${WORK}/tree/searcher/unrelated.cpp" "// not read by the parser\n")
version_of("${WORK}/tree" copied)
if(NOT copied STREQUAL sources)
  message(FATAL_ERROR "a copy of the parser's folders reads as ${copied}, the sources as ${sources}")
endif()

file(APPEND "${WORK}/tree/searcher/unrelated.cpp" "// changed\n")
version_of("${WORK}/tree" unrelated)
if(NOT unrelated STREQUAL sources)
  message(FATAL_ERROR "a change outside the parser's folders changed the reading version")
endif()

foreach(folder IN LISTS must_count)
  file(GLOB_RECURSE files "${WORK}/tree/${folder}/*")
  list(SORT files)
  list(GET files 0 first)
  file(READ "${first}" original)
  file(APPEND "${first}" " ")
  version_of("${WORK}/tree" changed)
  file(WRITE "${first}" "${original}")
  if(changed STREQUAL sources)
    message(FATAL_ERROR "a change to ${first} left the reading version at ${sources}")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
message(STATUS "reading version ${sources} follows ${must_count}")
