// LoadLibpq and the libpq functions kith calls, forwarded to the library
// opened on first use (libpq_library.h). A libpq function the store starts
// to call must be added here too: the link fails until it is. The list holds
// a few more than today's calls (COPY, escaping) so that small changes to
// the store need no change here.
#include "store/postgres/libpq_library.h"

#include <libpq-fe.h>

#include <string>

#include "domain/shared_library.h"

namespace kith::postgres {
namespace {

// Opened once and kept: results and connections point into it.
const SharedLibrary& Libpq() {
  static const SharedLibrary library = OpenSharedLibrary(KITH_LIBPQ_SONAME);
  return library;
}

// Calls the library's function of the same type as `Function` (kith's own
// definition below, which only lends its type), looked up once.
template <auto Function, typename... Args>
auto Forward(const char* name, Args... args) {
  // POSIX gives a function's address from dlsym as a data pointer.
  static const auto real =
      reinterpret_cast<decltype(Function)>(  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
          RequiredFunction(Libpq(), name));
  return real(args...);
}

}  // namespace

Status LoadLibpq() {
  if (Libpq().handle != nullptr) return Ok();
  return Fail(ErrorCode::kIo,
              "PostgreSQL cannot be used: " KITH_LIBPQ_SONAME " could not be loaded (" + Libpq().why +
                  "); install libpq (the libpq5 package on Debian and Ubuntu)",
              "db");
}

}  // namespace kith::postgres

using kith::postgres::Forward;

// Connecting.
extern "C" PGconn* PQconnectdb(const char* conninfo) {
  return Forward<&PQconnectdb>("PQconnectdb", conninfo);
}
extern "C" void PQfinish(PGconn* conn) { Forward<&PQfinish>("PQfinish", conn); }
extern "C" ConnStatusType PQstatus(const PGconn* conn) { return Forward<&PQstatus>("PQstatus", conn); }
extern "C" char* PQerrorMessage(const PGconn* conn) {
  return Forward<&PQerrorMessage>("PQerrorMessage", conn);
}
extern "C" PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  return Forward<&PQsetNoticeProcessor>("PQsetNoticeProcessor", conn, proc, arg);
}
extern "C" PGTransactionStatusType PQtransactionStatus(const PGconn* conn) {
  return Forward<&PQtransactionStatus>("PQtransactionStatus", conn);
}
extern "C" int PQserverVersion(const PGconn* conn) {
  return Forward<&PQserverVersion>("PQserverVersion", conn);
}

// Running statements.
extern "C" PGresult* PQexec(PGconn* conn, const char* query) {
  return Forward<&PQexec>("PQexec", conn, query);
}
extern "C" PGresult* PQexecParams(PGconn* conn, const char* command, int nParams, const Oid* paramTypes,
                                  const char* const* paramValues, const int* paramLengths,
                                  const int* paramFormats, int resultFormat) {
  return Forward<&PQexecParams>("PQexecParams", conn, command, nParams, paramTypes, paramValues, paramLengths,
                                paramFormats, resultFormat);
}
extern "C" PGresult* PQprepare(PGconn* conn, const char* stmtName, const char* query, int nParams,
                               const Oid* paramTypes) {
  return Forward<&PQprepare>("PQprepare", conn, stmtName, query, nParams, paramTypes);
}
extern "C" PGresult* PQexecPrepared(PGconn* conn, const char* stmtName, int nParams,
                                    const char* const* paramValues, const int* paramLengths,
                                    const int* paramFormats, int resultFormat) {
  return Forward<&PQexecPrepared>("PQexecPrepared", conn, stmtName, nParams, paramValues, paramLengths,
                                  paramFormats, resultFormat);
}
extern "C" PGresult* PQgetResult(PGconn* conn) { return Forward<&PQgetResult>("PQgetResult", conn); }

// Pipelines: several statements sent before the first answer is read.
extern "C" int PQenterPipelineMode(PGconn* conn) {
  return Forward<&PQenterPipelineMode>("PQenterPipelineMode", conn);
}
extern "C" int PQexitPipelineMode(PGconn* conn) {
  return Forward<&PQexitPipelineMode>("PQexitPipelineMode", conn);
}
extern "C" int PQpipelineSync(PGconn* conn) { return Forward<&PQpipelineSync>("PQpipelineSync", conn); }
extern "C" int PQsendQueryPrepared(PGconn* conn, const char* stmtName, int nParams,
                                   const char* const* paramValues, const int* paramLengths,
                                   const int* paramFormats, int resultFormat) {
  return Forward<&PQsendQueryPrepared>("PQsendQueryPrepared", conn, stmtName, nParams, paramValues,
                                       paramLengths, paramFormats, resultFormat);
}

// COPY.
extern "C" int PQputCopyData(PGconn* conn, const char* buffer, int nbytes) {
  return Forward<&PQputCopyData>("PQputCopyData", conn, buffer, nbytes);
}
extern "C" int PQputCopyEnd(PGconn* conn, const char* errormsg) {
  return Forward<&PQputCopyEnd>("PQputCopyEnd", conn, errormsg);
}
extern "C" int PQgetCopyData(PGconn* conn, char** buffer, int async) {
  return Forward<&PQgetCopyData>("PQgetCopyData", conn, buffer, async);
}

// Reading results.
extern "C" ExecStatusType PQresultStatus(const PGresult* res) {
  return Forward<&PQresultStatus>("PQresultStatus", res);
}
extern "C" char* PQresultErrorMessage(const PGresult* res) {
  return Forward<&PQresultErrorMessage>("PQresultErrorMessage", res);
}
extern "C" char* PQresultErrorField(const PGresult* res, int fieldcode) {
  return Forward<&PQresultErrorField>("PQresultErrorField", res, fieldcode);
}
extern "C" int PQntuples(const PGresult* res) { return Forward<&PQntuples>("PQntuples", res); }
extern "C" int PQnfields(const PGresult* res) { return Forward<&PQnfields>("PQnfields", res); }
extern "C" char* PQfname(const PGresult* res, int field_num) {
  return Forward<&PQfname>("PQfname", res, field_num);
}
extern "C" char* PQgetvalue(const PGresult* res, int tup_num, int field_num) {
  return Forward<&PQgetvalue>("PQgetvalue", res, tup_num, field_num);
}
extern "C" int PQgetlength(const PGresult* res, int tup_num, int field_num) {
  return Forward<&PQgetlength>("PQgetlength", res, tup_num, field_num);
}
extern "C" int PQgetisnull(const PGresult* res, int tup_num, int field_num) {
  return Forward<&PQgetisnull>("PQgetisnull", res, tup_num, field_num);
}
extern "C" char* PQcmdTuples(PGresult* res) { return Forward<&PQcmdTuples>("PQcmdTuples", res); }
extern "C" void PQclear(PGresult* res) { Forward<&PQclear>("PQclear", res); }

// Memory and escaping.
extern "C" void PQfreemem(void* ptr) { Forward<&PQfreemem>("PQfreemem", ptr); }
extern "C" char* PQescapeLiteral(PGconn* conn, const char* str, size_t len) {
  return Forward<&PQescapeLiteral>("PQescapeLiteral", conn, str, len);
}
extern "C" char* PQescapeIdentifier(PGconn* conn, const char* str, size_t len) {
  return Forward<&PQescapeIdentifier>("PQescapeIdentifier", conn, str, len);
}
extern "C" unsigned char* PQescapeByteaConn(PGconn* conn, const unsigned char* from, size_t from_length,
                                            size_t* to_length) {
  return Forward<&PQescapeByteaConn>("PQescapeByteaConn", conn, from, from_length, to_length);
}
extern "C" unsigned char* PQunescapeBytea(const unsigned char* strtext, size_t* retbuflength) {
  return Forward<&PQunescapeBytea>("PQunescapeBytea", strtext, retbuflength);
}
