# The Debian package. In the build folder, `cpack -G DEB` writes
# imrsearch_VERSION_amd64.deb: both binaries, the web page, man pages made by
# help2man from --help, systemd units for imr-search and the replication
# follower (xapian-replicate) and publisher (xapian-replicate-server), their
# settings in /etc/imrsearch/ (conffiles), and an example nginx site.
# The vocabularies and the OpenAPI document are embedded in the binaries, so
# no schema data is installed. See docs/deploy.md.
set(imr_package_dir "${CMAKE_CURRENT_LIST_DIR}")
set(imr_units imr-search.service imr-replicate.service imr-replicate-server.service)
set(imr_settings imr-search.env imr-replicate.env imr-replicate-server.env)

install(TARGETS imr-index imr-search RUNTIME DESTINATION bin)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/web/" DESTINATION share/imrsearch/web)
# bookworm's dpkg still wants units under /lib (merged /usr aliases it).
list(TRANSFORM imr_units PREPEND "${imr_package_dir}/" OUTPUT_VARIABLE imr_unit_files)
install(FILES ${imr_unit_files} DESTINATION /lib/systemd/system)
list(TRANSFORM imr_settings PREPEND "${imr_package_dir}/" OUTPUT_VARIABLE imr_setting_files)
install(FILES ${imr_setting_files} DESTINATION /etc/imrsearch)
install(FILES "${PROJECT_SOURCE_DIR}/scripts/deploy/nginx-imrsearch.conf"
        DESTINATION share/doc/imrsearch/examples)
install(FILES "${PROJECT_SOURCE_DIR}/docs/deploy.md"
        DESTINATION share/doc/imrsearch)

# Man pages from --help, remade whenever a binary changes.
find_program(IMR_HELP2MAN help2man)
if(IMR_HELP2MAN)
  set(imr_man_pages "")
  set(imr-index_summary "index IMR determination letters for imr-search")
  set(imr-search_summary "serve the IMR letter search page and JSON API")
  foreach(tool IN ITEMS imr-index imr-search)
    set(page "${PROJECT_BINARY_DIR}/man/${tool}.1.gz")
    add_custom_command(
      OUTPUT "${page}"
      COMMAND "${CMAKE_COMMAND}" "-DHELP2MAN=${IMR_HELP2MAN}" "-DTOOL=$<TARGET_FILE:${tool}>" "-DOUT=${page}"
              "-DSUMMARY=${${tool}_summary}"
              "-DVERSION=${PROJECT_VERSION}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
              -P "${imr_package_dir}/man_page.cmake"
      DEPENDS ${tool} "${imr_package_dir}/man_page.cmake"
      COMMENT "Man page of ${tool}")
    list(APPEND imr_man_pages "${page}")
  endforeach()
  add_custom_target(imr-man-pages ALL DEPENDS ${imr_man_pages})
  install(FILES ${imr_man_pages} DESTINATION share/man/man1)
else()
  message(WARNING "help2man not found (scripts/install-deps installs it): the package will lack man pages")
endif()

set(CPACK_PACKAGE_NAME imrsearch)
set(CPACK_PACKAGE_VENDOR imrsearch)
set(CPACK_PACKAGE_CONTACT "imrsearch maintainers <imrsearch@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search over California IMR determination letters")
set(CPACK_PACKAGE_DESCRIPTION
    "imr-index parses IMR determination letters (.txt .md .html .pdf) into records and indexes them with
Xapian; imr-search serves faceted search with exact counts and snippets to a browser page and a JSON
API. Systemd units run imr-search and keep read replicas with Xapian's replication tools.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # imrsearch_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
# The replication units run Xapian's tools; one host serving its own index needs neither.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${imr_package_dir}/conffiles" "${imr_package_dir}/postinst" "${imr_package_dir}/prerm"
    "${imr_package_dir}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
