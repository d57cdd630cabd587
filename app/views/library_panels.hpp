// The panels of the Library screen, one file each: guide browser, protocol editor, MC profile
// editor, codebook browser and currency table. Each keeps a cached model (a ViewCache says when to
// rebuild it); a button only records a request, which the panel's act() carries out through
// store/ (or export/) functions when the Library screen calls it after drawing.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/document_dialogs.hpp"
#include "app/views/view.hpp"
#include "guides/codebook.hpp"
#include "guides/currency.hpp"
#include "guides/guide.hpp"
#include "guides/guide_view.hpp"
#include "guides/profiles.hpp"
#include "store/codebook.hpp"
#include "store/currency.hpp"
#include "store/guides.hpp"
#include "store/mc_profiles.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace convene::app {

class ProtocolEditor {
  public:
    // Starts editing a new protocol derived from guide (the original is never changed).
    void begin(const guides::Guide& guide);
    bool active() const { return active_; }
    void draw();
    // Carries out what draw() asked for (the save); called by the screen after drawing.
    void act(ViewContext& ctx);
    const std::string& message() const { return message_; }
    // The id of the guide just saved (once; "" otherwise): the browser shows it.
    std::string take_saved_id() { return std::exchange(saved_id_, {}); }

  private:
    void draw_area(guides::Area& area);
    std::string wording_note(const guides::Question& q) const;
    void save(ViewContext& ctx);

    bool active_ = false;
    bool save_request_ = false;
    guides::Guide draft_;
    guides::Guide saved_;           // the draft as begun or last saved: Close asks if it differs
    std::string group_;             // whose wording is edited
    std::set<std::string> dropped_; // question ids left out
    std::set<std::string> saved_dropped_;
    int next_custom_ = 1;
    std::string saved_id_;
    std::string message_;
    bool message_is_error_ = false;
};

class GuideBrowser {
  public:
    void draw(ViewContext& ctx, ProtocolEditor& editor);
    // Carries out what draw() asked for (writing the printable protocol); called after drawing.
    void act();
    // Shows this guide, with a message above it (a protocol just saved).
    void show_guide(const std::string& id, std::string message);

  private:
    void refresh(ViewContext& ctx);
    void rebuild_view();

    ViewCache cache_;
    std::vector<store::GuideRow> rows_;
    std::string selected_id_;
    std::optional<guides::Guide> guide_;
    std::string group_;
    std::string state_ = "";
    std::set<std::string> flags_;
    bool show_all_ = true; // show conditional questions even when their flag is off
    std::vector<guides::AreaView> view_;
    std::map<std::string, nlohmann::json> preview_values_; // scratch: never saved
    std::string message_;
    ProtocolPrintDialog print_{"library.print"};
};

// Edits one MC profile at a time. Leaving a profile with unsaved changes asks first; a save
// writes only the fields edited (store::save_profile_changes), carried out by act().
class ProfileEditor {
  public:
    void draw(ViewContext& ctx);
    // Carries out what draw() asked for (the save); called by the screen after drawing.
    void act(ViewContext& ctx);
    bool has_unsaved_changes() const;

  private:
    void refresh(ViewContext& ctx);
    void select(std::optional<guides::Profile> profile);
    bool dirty() const;
    void draw_leave_dialog();

    ViewCache cache_;
    guides::ProfileLibrary library_;
    std::string selected_;
    std::optional<guides::Profile> draft_;
    std::optional<guides::Profile> base_; // the draft as loaded: what a save compares with
    std::optional<guides::Profile> save_request_;
    std::optional<std::string> switch_to_; // another profile, once the user chose
    std::string message_;
};

class CodebookBrowser {
  public:
    void draw(ViewContext& ctx);

  private:
    ViewCache cache_;
    std::vector<store::CodeRow> codes_;
};

class CurrencyTableView {
  public:
    void draw(ViewContext& ctx);

  private:
    ViewCache cache_;
    guides::CurrencyTable table_;
};

} // namespace convene::app
