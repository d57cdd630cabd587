// Where a document (a printed protocol, a conversation report) is written: a folder and a file
// name the user can change, Write and Close buttons, the full path written or why nothing was,
// and an "Open folder" button once a file is written. Shared by the print and report dialogs.
#pragma once

#include "app/path_input.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace convene::app {

class DocumentTarget {
  public:
    // prefix names the probes: "<prefix>.folder", ".name", ".write", ".close", ".written",
    // ".refused", ".open_folder".
    explicit DocumentTarget(std::string probe_prefix) : prefix_(std::move(probe_prefix)) {}

    // Ready for a new document: the folder is the documents folder, name the proposed file.
    void reset(std::string name);
    const std::string& name() const { return name_; }
    bool markdown() const;

    // Draws the folder and name boxes, the buttons and the message, inside a popup; Close
    // closes the popup. Nothing is written here: act() does it.
    void draw();
    // After drawing: when Write was pressed, checks the target and calls write(path) (which
    // throws std::runtime_error to refuse), then shows "Wrote PATH" or the reason; when Open
    // folder was pressed, opens the folder written to.
    void act(const std::function<void(const std::filesystem::path&)>& write);

  private:
    std::string prefix_;
    std::string folder_, name_;
    PathInput folder_input_;
    std::string message_;
    bool ok_ = false;
    bool write_request_ = false, open_request_ = false;
    std::filesystem::path written_;
};

// The folder and file typed, "~/" meaning the home folder. Throws std::runtime_error with the
// reason when it cannot be written there.
std::filesystem::path document_path(const std::string& folder, const std::string& name);

// Shows a folder in the desktop's file manager (xdg-open, not waited for). Tests replace it.
using FolderOpener = std::function<bool(const std::filesystem::path&)>;
void set_folder_opener(FolderOpener opener);
bool open_folder(const std::filesystem::path& folder);

} // namespace convene::app
