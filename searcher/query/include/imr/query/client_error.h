// Errors the client must fix (a bad query, filter or parameter): what() says
// what is wrong in words a user can act on, and the API answers 400 with it.
// Every kind derives from ClientError, so the API catches them in one place.
#pragma once

#include <stdexcept>

namespace imr::searcher {

class ClientError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The query string cannot be parsed or breaks a limit.
class QueryError : public ClientError {
 public:
  using ClientError::ClientError;
};

}  // namespace imr::searcher
