#include "app/document_target.hpp"
#include "app/ui_probe.hpp"
#include "export/atomic_file.hpp"
#include "store/paths.hpp"

#include <cstdlib>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>

#include <imgui.h>
#include <imgui_stdlib.h>

extern char** environ;

namespace convene::app {

namespace fs = std::filesystem;

fs::path document_path(const std::string& folder_text, const std::string& name) {
    std::string folder = folder_text;
    if (folder == "~" || folder.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        folder = std::string(home && *home ? home : ".") + folder.substr(1);
    }
    if (folder.empty()) throw std::runtime_error("Type the folder to write the file in.");
    if (name.empty()) throw std::runtime_error("Type a file name, e.g. protocol.html.");
    if (name.find('/') != std::string::npos)
        throw std::runtime_error("The file name " + name +
                                 " has a / in it; put the folder in the Folder box.");
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(folder), ec);
    if (!fs::exists(dir, ec)) throw std::runtime_error("There is no folder " + dir.string() + ".");
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(dir.string() + " is a file, not a folder.");
    fs::path target = dir / name;
    if (fs::is_directory(target, ec))
        throw std::runtime_error(target.string() + " is a folder; give the file another name.");
    exporting::check_writable_target(target); // a folder we may not write in
    return target;
}

namespace {
bool spawn_xdg_open(const fs::path& folder) {
    // A shell starts xdg-open in the background and exits at once: we wait only for the shell,
    // and xdg-open, handed to init, leaves no zombie behind.
    pid_t pid = 0;
    std::string path = folder.string();
    const char* argv[] = {"sh", "-c",         "xdg-open \"$1\" >/dev/null 2>&1 &",
                          "sh", path.c_str(), nullptr};
    if (posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
        return false;
    int status = 0;
    return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

namespace {
FolderOpener& opener() {
    static FolderOpener o = spawn_xdg_open;
    return o;
}
} // namespace

void set_folder_opener(FolderOpener o) {
    opener() = o ? std::move(o) : spawn_xdg_open;
}
bool open_folder(const fs::path& folder) {
    return opener()(folder);
}

void DocumentTarget::reset(std::string name) {
    folder_ = store::documents_dir().string();
    name_ = std::move(name);
    message_.clear();
    ok_ = false;
    written_.clear();
}

bool DocumentTarget::markdown() const {
    return name_.ends_with(".md") || name_.ends_with(".markdown");
}

void DocumentTarget::draw() {
    const float em = ImGui::GetFontSize();
    const std::string folder_probe = prefix_ + ".folder";
    if (folder_input_.draw(
            "Folder", folder_,
            {.filter = {.folders_only = true}, .width = em * 30, .probe = folder_probe.c_str()}))
        message_.clear();
    ImGui::SetNextItemWidth(em * 30);
    if (ImGui::InputText("File name", &name_)) message_.clear();
    probe(prefix_ + ".name", name_);
    ImGui::TextDisabled("End the name in .html to print from a browser, .md for Markdown.");
    if (ImGui::Button("Write")) write_request_ = true;
    probe(prefix_ + ".write");
    ImGui::SameLine();
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    probe(prefix_ + ".close");
    if (message_.empty()) return;
    ImGui::PushTextWrapPos(em * 36);
    if (ok_)
        ImGui::TextUnformatted(message_.c_str());
    else
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "%s", message_.c_str());
    ImGui::PopTextWrapPos();
    probe(ok_ ? prefix_ + ".written" : prefix_ + ".refused", message_);
    if (ok_) {
        if (ImGui::Button("Open folder")) open_request_ = true;
        probe(prefix_ + ".open_folder");
    }
}

void DocumentTarget::act(const std::function<void(const fs::path&)>& write) {
    if (open_request_) {
        open_request_ = false;
        if (!open_folder(written_.parent_path())) {
            message_ = "Could not open " + written_.parent_path().string() +
                       " (is xdg-open installed?); the file is there.";
            ok_ = false;
        }
    }
    if (!write_request_) return;
    write_request_ = false;
    try {
        auto target = document_path(folder_, name_);
        write(target);
        written_ = target;
        message_ = "Wrote " + target.string();
        ok_ = true;
    } catch (const std::exception& e) {
        message_ = e.what();
        ok_ = false;
    }
}

} // namespace convene::app
