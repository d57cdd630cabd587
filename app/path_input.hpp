// A typed file or folder path with completion, for the dialogs that ask for one (open a
// workspace, import responses, a new instrument from an export, the export's folder, ...): Tab
// completes the name being typed as far as the folder's entries agree, and the entries that fit
// are listed under the box to click. The completion is a pure function over one folder's listing;
// the widget lists a folder only when the folder typed changes (or on Tab), never per frame.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiInputTextCallbackData;

namespace convene::app {

struct DirEntry {
    std::string name;
    bool folder = false;
    bool operator==(const DirEntry&) const = default;
};

// What the entries listed may be: files with one of `extensions` (any file when empty) and
// folders, or folders only.
struct PathFilter {
    bool folders_only = false;
    std::vector<std::string> extensions; // ".csv", compared ignoring case
};

// The typed path split where the last '/' is: the folder to list (as typed, "" for the current
// folder) and the start of the name being typed. "/data/exp" -> {"/data/", "exp"}.
struct TypedPath {
    std::string folder;
    std::string prefix;
};
TypedPath split_typed(std::string_view typed);

// The folder a typed folder part names: "~" and "~/..." in the home folder, "" the current one.
std::filesystem::path folder_to_list(const std::string& typed_folder);

struct Completion {
    std::vector<DirEntry> matches; // folders first, then files, each sorted by name
    std::string completed;         // the typed path extended as far as the matches agree
};
// Entries of the folder's listing whose name starts with the typed name (case ignored; names
// starting with '.' only when the typed name does), and the path completed with their longest
// common start; a single folder completes to its name and '/', a single file to its name.
Completion complete_path(std::string_view typed, const std::vector<DirEntry>& listing,
                         const PathFilter& filter);

// A folder's entries (at most `limit`), unsorted; empty when it cannot be read.
std::vector<DirEntry> list_folder(const std::filesystem::path& folder, std::size_t limit = 5000);

class PathInput {
  public:
    struct Options {
        const char* hint = "";
        PathFilter filter;
        float width = -1;       // as ImGui::SetNextItemWidth takes it
        const char* probe = ""; // the name tests find the text box by (matches: NAME.match.K)
        std::size_t shown = 8;  // matches listed under the box at most
    };
    // Draws the box (and the matches while it is being typed in); true when the path changed.
    bool draw(const char* label, std::string& path, const Options& options);
    // Enter was pressed in the box in the frame just drawn.
    bool entered() const { return entered_; }

  private:
    static int on_tab(ImGuiInputTextCallbackData* data);
    const std::vector<DirEntry>& listing(const std::string& typed_folder, bool refresh);
    bool draw_matches(std::string& path, const Options& options);

    std::string listed_folder_;
    std::vector<DirEntry> listing_;
    bool listed_ = false;
    bool open_ = false;    // the matches are shown (the box or the list is in use)
    bool refocus_ = false; // a match was clicked: typing goes on in the box
    bool entered_ = false;
    const Options* options_ = nullptr; // during draw(), for the Tab callback
};

} // namespace convene::app
