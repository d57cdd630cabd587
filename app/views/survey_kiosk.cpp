// Surveys > kiosk: the respondent's record, paging and saving, and the full-window frame; the
// pages themselves are drawn in survey_kiosk_pages.cpp.
#include "app/views/survey_kiosk.hpp"

#include "app/fonts.hpp"
#include "store/respondent_changes.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <imgui.h>
#include <utility>

namespace convene::app {
namespace {

constexpr float kColumnEms = 48.0f; // widest the content column gets, in heading font sizes

} // namespace

void SurveyKiosk::start(store::Workspace& ws, const guides::Instrument& instrument) {
    if (active_) stop();
    ws_ = &ws;
    instrument_ = instrument;
    saver_ = std::make_unique<store::Autosaver>(ws);
    active_ = true;
    completed_ = 0;
    new_respondent();
}

void SurveyKiosk::stop() {
    act(); // what the last frame recorded
    if (saver_) {
        saver_->flush();
        saver_.reset(); // writes anything still pending
    }
    active_ = false;
    focused_ = false;
    ws_ = nullptr;
}

bool SurveyKiosk::handle(Command command) {
    if (!active_) return false;
    if (command == Command::LeaveKiosk) stop();
    return true; // everything else is swallowed while a respondent has the laptop
}

void SurveyKiosk::new_respondent() {
    current_ = store::Respondent{};
    current_.uuid = store::new_uuid();
    current_.source = "kiosk";
    current_.partial = true; // until they finish
    saved_ = current_;
    saved_.partial = false; // the row's default: the first write marks it partial
    page_ = 0;
    from_review_ = false;
    finished_ = false;
    saved_once_ = false;
    edit_page_ = -1;
    number_text_.clear();
    number_error_.clear();
    other_text_.clear();
}

double SurveyKiosk::seconds_until_idle_reset() const {
    if (!active_ || page_ == 0) return -1;
    return std::max(0.0, last_input_ + idle_seconds_ - ImGui::GetTime());
}

void SurveyKiosk::watch_idle() {
    const ImGuiIO& io = ImGui::GetIO();
    bool input = !io.InputQueueCharacters.empty() || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 ||
                 io.MouseWheel != 0;
    for (bool down : io.MouseDown)
        input |= down;
    for (bool down : io.KeysDown)
        input |= down;
    if (input || page_ == 0) {
        last_input_ = ImGui::GetTime();
        return;
    }
    if (ImGui::GetTime() - last_input_ < idle_seconds_) return;
    // Walked away: what they gave is kept (as partial unless they finished); the next person
    // starts from the welcome screen with a new record.
    if (!finished_ && saved_once_) save();
    new_respondent();
    last_input_ = ImGui::GetTime();
}

void SurveyKiosk::start_over() {
    // Replaces this respondent's pending save, if any; a row already written goes to the trash.
    if (saved_once_ && saver_) {
        // Its own part: item writes still pending never take a row out of the trash.
        store::RespondentChange trash{current_.uuid, instrument_.id, current_.source};
        trash.trash = true;
        queue(trash);
    }
    new_respondent();
    go_to(1);
}

int SurveyKiosk::question_count() const {
    return static_cast<int>(instrument_.attributes.size() + instrument_.items.size());
}

const guides::Attribute* SurveyKiosk::attribute_on(int page) const {
    if (page < 1) return nullptr;
    auto i = static_cast<std::size_t>(page - 1);
    return i < instrument_.attributes.size() ? &instrument_.attributes[i] : nullptr;
}

const guides::Item* SurveyKiosk::item_on(int page) const {
    if (page < 1) return nullptr;
    auto i = static_cast<std::size_t>(page - 1);
    if (i < instrument_.attributes.size()) return nullptr;
    i -= instrument_.attributes.size();
    return i < instrument_.items.size() ? &instrument_.items[i] : nullptr;
}

bool SurveyKiosk::answered(int page) const {
    if (const auto* a = attribute_on(page)) return current_.attributes.contains(a->id);
    if (const auto* item = item_on(page)) return current_.responses.contains(item->id);
    return false;
}

void SurveyKiosk::go_to(int page) {
    // Page 0 is the welcome of a new respondent: never reached by going back.
    page_ = std::clamp(page, 1, thanks_page());
    if (page_ >= review_page()) from_review_ = false;
    if (page_ == thanks_page() && !finished_) {
        finished_ = true;
        ++completed_;
        current_.partial = false;
        save();
    }
}

void SurveyKiosk::save() {
    if (!saver_) return;
    saved_once_ = true;
    // Only what changed since the last write, item by item, keyed by respondent and part: a
    // newer answer replaces the same item's pending one, never another item or respondent's.
    auto change = store::diff_respondents(instrument_.id, saved_, current_);
    saved_ = current_;
    queue(change);
}

void SurveyKiosk::queue(const store::RespondentChange& change) {
    outbox_.push_back(change); // written by act(), after drawing
}

void SurveyKiosk::act() {
    if (!saver_) return outbox_.clear();
    for (const auto& change : std::exchange(outbox_, {})) {
        std::vector<std::pair<std::string, store::Autosaver::Write>> writes;
        for (auto& [part, one] : store::split_by_part(change))
            writes.emplace_back(
                "respondent/" + change.uuid + "/" + part,
                [one](store::Database& db) { store::record_respondent_change(db, one); });
        saver_->put_all(std::move(writes));
    }
}

void SurveyKiosk::draw(ViewContext& ctx) {
    if (!active_) return;
    if (ctx.settings) idle_seconds_ = ctx.settings->kiosk_idle_seconds;
    ImGui::PushFont(fonts().heading);
    const float fs = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Window padding centres a column of at most kColumnEms font sizes.
    float pad_x = std::max(fs * 2, (vp->Size.x - fs * kColumnEms) / 2);
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    if (!focused_) ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad_x, fs * 1.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("Survey kiosk###kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(3);
    focused_ = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    watch_idle();

    ImGui::PushID(page_);
    if (page_ == 0)
        draw_welcome();
    else if (page_ == thanks_page())
        draw_thanks();
    else if (page_ == review_page())
        draw_review();
    else
        draw_question();
    ImGui::PopID();

    ImGui::End();
    ImGui::PopFont();
}

} // namespace convene::app
