// Makes ImGui misuse fail the test instead of aborting the test run. Debian's libimgui.a was built
// with IM_ASSERT = assert(), so its checks call glibc's __assert_fail; this executable's definition
// takes precedence over libc's and throws. Our own code sees the same through imgui_user_config.
#include <stdexcept>
#include <string>

extern "C" [[noreturn]] void __assert_fail(const char* expr, const char* file, unsigned int line,
                                           const char* function) {
    throw std::logic_error(std::string("assertion failed: ") + expr + " (" + file + ":" +
                           std::to_string(line) + ", " + function + ")");
}
