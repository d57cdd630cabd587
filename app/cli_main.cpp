// convene-cli: the headless command line over the same libraries as the app.
#include "app/cli/commands.hpp"

int main(int argc, char** argv) {
    return convene::cli::run(argc, argv);
}
