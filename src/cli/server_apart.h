// `kith serve` is a program of its own, kith-server: the same command line
// with the web server (cpp-httplib, OpenSSL, the HTTP and CardDAV faces)
// linked in. Linking them into kith made every command load OpenSSL and run
// its initialisation at start-up; now kith runs kith-server in its place
// (exec, the same process) when asked to serve.
#pragma once

namespace kith::cli {

// Replaces this process with kith-server, given the same arguments: the one
// $KITH_SERVER names, else kith-server beside kith (the build tree), else
// where `cmake --install` puts it (lib/kith beside bin/). Returns only when
// it cannot, having said why on stderr: 1.
int RunServer(int argc, char** argv);

}  // namespace kith::cli
