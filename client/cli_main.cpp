// The `hoering` command-line tool; everything lives in client/cli/.
#include <iostream>

#include "client/cli/cli.h"

int main(int argc, char** argv) {
  return hoering::client::RunCli(argc, argv, std::cout, std::cerr);
}
