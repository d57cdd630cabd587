// Surveys > kiosk: one full-window page per question, large text and large targets, each answer
// saved through the autosaver as soon as it is given.
#include "app/views/survey_kiosk.hpp"

#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "store/respondent_changes.hpp"
#include "store/uuid.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

constexpr float kBigButton = 2.6f;  // big buttons, in frame heights
constexpr float kColumnEms = 48.0f; // widest the content column gets, in heading font sizes
constexpr float kChoiceEms = 24.0f; // widest a choice button gets

std::string format_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// A label that fits width: broken onto two lines at the space nearest its middle when too wide.
std::string fit_label(const std::string& label, float width) {
    if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
    std::size_t best = std::string::npos;
    std::size_t middle = label.size() / 2;
    for (std::size_t i = 0; i < label.size(); ++i)
        if (label[i] == ' ' &&
            (best == std::string::npos || (i > middle ? i - middle : middle - i) <
                                              (best > middle ? best - middle : middle - best)))
            best = i;
    if (best == std::string::npos) return label;
    return label.substr(0, best) + "\n" + label.substr(best + 1);
}

bool big_button(const std::string& label, ImVec2 size, bool selected) {
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    }
    bool pressed = ImGui::Button(label.c_str(), size);
    if (selected) ImGui::PopStyleColor(2);
    return pressed;
}

// Buttons for choices laid out in `columns` columns; returns the index clicked, or -1.
template <class Selected>
int choice_buttons(const std::vector<std::string>& labels, int columns, float button_width,
                   float height, Selected&& selected, const char* prefix_on = "",
                   const char* prefix_off = "") {
    int clicked = -1;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, spacing);
        bool on = selected(i);
        std::string text = std::string(on ? prefix_on : prefix_off) + labels[i];
        float inner = button_width - 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::PushID(static_cast<int>(i));
        if (big_button(fit_label(text, inner) + "##choice", ImVec2(button_width, height), on))
            clicked = static_cast<int>(i);
        ImGui::PopID();
        probe("kiosk.choice." + std::to_string(i));
        if (on) probe("kiosk.selected." + std::to_string(i));
    }
    return clicked;
}

void secondary(const char* text) {
    ImGui::PushFont(fonts().body);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void wrapped(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

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
    finished_ = false;
    saved_once_ = false;
    edit_page_ = -1;
    number_text_.clear();
    number_error_.clear();
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
    page_ = std::clamp(page, 1, question_count() + 1);
    if (page_ == question_count() + 1 && !finished_) {
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
    for (auto& [part, one] : store::split_by_part(change))
        saver_->put("respondent/" + change.uuid + "/" + part,
                    [one](store::Database& db) { store::record_respondent_change(db, one); });
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
    else if (page_ > question_count())
        draw_thanks();
    else
        draw_question();
    ImGui::PopID();

    ImGui::End();
    ImGui::PopFont();
}

void SurveyKiosk::draw_welcome() {
    const float fs = ImGui::GetFontSize();
    const float big = ImGui::GetFrameHeight() * kBigButton;
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() * 0.18f));
    // Spoken to the person about to answer; the instrument's description is for the facilitator.
    ImGui::TextUnformatted("Welcome!");
    ImGui::Spacing();
    wrapped(instrument_.title.c_str());
    probe("kiosk.title");
    ImGui::Spacing();
    ImGui::Spacing();
    char line[160];
    int minutes = std::max(1, (question_count() * 15 + 59) / 60); // about 15 s a question
    std::snprintf(line, sizeof line,
                  "%d short questions, about %d minute%s. There are no right or wrong answers, "
                  "and you can skip any question.",
                  question_count(), minutes, minutes == 1 ? "" : "s");
    secondary(line);
    secondary("Your answers are anonymous and saved as you go.");
    ImGui::Dummy(ImVec2(0, fs));
    if (big_button("Begin", ImVec2(fs * 10, big), false)) go_to(1);
    probe("kiosk.start");
}

void SurveyKiosk::draw_thanks() {
    const float fs = ImGui::GetFontSize();
    const float big = ImGui::GetFrameHeight() * kBigButton;
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() * 0.22f));
    ImGui::TextUnformatted("Thank you!");
    probe("kiosk.thanks");
    ImGui::Spacing();
    wrapped("Your answers have been saved.");
    secondary("Please hand the laptop back, or let the next person begin.");
    ImGui::Dummy(ImVec2(0, fs));
    if (big_button("Next respondent", ImVec2(fs * 14, big), false)) new_respondent();
    probe("kiosk.next_respondent");
    // No Back here: whoever is handed the laptop next must not page through these answers.
}

void SurveyKiosk::draw_question() {
    const float fs = ImGui::GetFontSize();
    const float big = ImGui::GetFrameHeight() * kBigButton;
    const ImGuiStyle& style = ImGui::GetStyle();
    const int total = question_count();
    const auto* attribute = attribute_on(page_);
    const auto* item = item_on(page_);

    if (edit_page_ != page_) { // just arrived: load the editable text of this page
        edit_page_ = page_;
        number_error_.clear();
        number_text_.clear();
        if (item && item->type == guides::ItemType::Number) {
            auto it = current_.responses.find(item->id);
            if (it != current_.responses.end() && it->second.number)
                number_text_ = format_number(*it->second.number);
        }
        focus_input_ = item && (item->type == guides::ItemType::Number ||
                                item->type == guides::ItemType::Text);
    }

    // Progress.
    char progress[64];
    std::snprintf(progress, sizeof progress, "Question %d of %d", page_, total);
    ImGui::PushFont(fonts().body);
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(progress);
    ImGui::PopStyleColor();
    probe("kiosk.progress");
    ImGui::ProgressBar(static_cast<float>(page_ - 1) / static_cast<float>(std::max(total, 1)),
                       ImVec2(-FLT_MIN, fs * 0.45f), "");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, fs * 0.5f));

    // The page scrolls on its own if a long question does not fit; the buttons below stay put.
    ImGui::BeginChild("##page", ImVec2(0, -(big + style.ItemSpacing.y)));
    const float width = ImGui::GetContentRegionAvail().x;
    bool changed = false, advance = false;
    if (attribute) {
        wrapped(attribute->label.c_str());
        probe("kiosk.attribute." + attribute->id);
        if (answered(page_)) probe("kiosk.answered");
        secondary("Choose one.");
        ImGui::Dummy(ImVec2(0, fs * 0.5f));
        auto it = current_.attributes.find(attribute->id);
        const std::string chosen = it == current_.attributes.end() ? std::string() : it->second;
        int columns = attribute->choices.size() > 4 ? 2 : 1;
        float w = std::min(fs * kChoiceEms,
                           (width - style.ItemSpacing.x * float(columns - 1)) / float(columns));
        int c = choice_buttons(attribute->choices, columns, w, big,
                               [&](std::size_t i) { return attribute->choices[i] == chosen; });
        if (c >= 0) {
            current_.attributes[attribute->id] = attribute->choices[std::size_t(c)];
            changed = advance = true;
        }
    } else if (item) {
        wrapped(item->text.c_str());
        probe("kiosk.item." + item->id);
        if (answered(page_)) probe("kiosk.answered");
        auto it = current_.responses.find(item->id);
        const store::ResponseValue none;
        const store::ResponseValue& value = it == current_.responses.end() ? none : it->second;
        switch (item->type) {
        case guides::ItemType::Likert: {
            const auto* scale = instrument_.scale_of(item->id);
            if (!scale) break;
            secondary("Choose the answer that fits best.");
            ImGui::Dummy(ImVec2(0, fs * 0.5f));
            int n = std::max(scale->points(), 1);
            float w = (width - style.ItemSpacing.x * float(n - 1)) / float(n);
            int c = choice_buttons(scale->labels, n, w, big, [&](std::size_t i) {
                return value.number && *value.number == double(i + 1);
            });
            if (c >= 0) {
                current_.responses[item->id] = {.number = double(c + 1), .text = {}, .choices = {}};
                changed = advance = true;
            }
            break;
        }
        case guides::ItemType::Choice: {
            secondary("Choose one.");
            ImGui::Dummy(ImVec2(0, fs * 0.5f));
            int columns = item->choices.size() > 4 ? 2 : 1;
            float w = std::min(fs * kChoiceEms,
                               (width - style.ItemSpacing.x * float(columns - 1)) / float(columns));
            int c = choice_buttons(item->choices, columns, w, big,
                                   [&](std::size_t i) { return value.text == item->choices[i]; });
            if (c >= 0) {
                current_.responses[item->id] = {
                    .number = {}, .text = item->choices[std::size_t(c)], .choices = {}};
                changed = advance = true;
            }
            break;
        }
        case guides::ItemType::Multi: {
            secondary("Choose all that apply, then press Next.");
            ImGui::Dummy(ImVec2(0, fs * 0.5f));
            auto has = [&](std::size_t i) {
                return std::find(value.choices.begin(), value.choices.end(), item->choices[i]) !=
                       value.choices.end();
            };
            int columns = item->choices.size() > 4 ? 2 : 1;
            float w = std::min(fs * kChoiceEms,
                               (width - style.ItemSpacing.x * float(columns - 1)) / float(columns));
            int c = choice_buttons(item->choices, columns, w, big, has, "☑  ", "☐  ");
            if (c >= 0) {
                // Kept in the instrument's order whatever order they were ticked in.
                std::vector<std::string> chosen;
                for (std::size_t i = 0; i < item->choices.size(); ++i)
                    if (has(i) != (i == std::size_t(c))) chosen.push_back(item->choices[i]);
                if (chosen.empty())
                    current_.responses.erase(item->id);
                else
                    current_.responses[item->id] = {.number = {}, .text = {}, .choices = chosen};
                changed = true;
            }
            break;
        }
        case guides::ItemType::Number: {
            std::string hint = "Type a number";
            if (item->min && item->max)
                hint += " from " + format_number(*item->min) + " to " + format_number(*item->max);
            else if (item->min)
                hint += " of at least " + format_number(*item->min);
            else if (item->max)
                hint += " up to " + format_number(*item->max);
            if (!item->unit.empty()) hint += " (" + item->unit + ")";
            hint += ", then press Next.";
            secondary(hint.c_str());
            ImGui::Dummy(ImVec2(0, fs * 0.5f));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 0.5f, fs * 0.5f));
            ImGui::SetNextItemWidth(fs * 9);
            if (focus_input_) ImGui::SetKeyboardFocusHere();
            bool edited =
                ImGui::InputText("##number", &number_text_, ImGuiInputTextFlags_CharsDecimal);
            probe("kiosk.number");
            ImGui::PopStyleVar();
            if (!item->unit.empty()) {
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(item->unit.c_str());
            }
            if (edited) {
                number_error_.clear();
                auto b = number_text_.find_first_not_of(' ');
                auto e = number_text_.find_last_not_of(' ');
                double v = 0;
                bool ok = false;
                if (b != std::string::npos) {
                    const char* first = number_text_.data() + b;
                    const char* last = number_text_.data() + e + 1;
                    auto [ptr, ec] = std::from_chars(first, last, v);
                    ok = ec == std::errc() && ptr == last;
                }
                bool in_range =
                    ok && (!item->min || v >= *item->min) && (!item->max || v <= *item->max);
                if (in_range)
                    current_.responses[item->id] = {.number = v, .text = {}, .choices = {}};
                else
                    current_.responses.erase(item->id);
                if (b != std::string::npos && !in_range)
                    number_error_ =
                        ok ? "That is outside the range above." : "That is not a number.";
                changed = true;
            }
            if (!number_error_.empty()) {
                ImGui::PushFont(fonts().body);
                ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "%s", number_error_.c_str());
                ImGui::PopFont();
            }
            break;
        }
        case guides::ItemType::Text: {
            secondary("Type your answer, then press Next.");
            ImGui::Dummy(ImVec2(0, fs * 0.5f));
            std::string text = value.text;
            if (focus_input_) ImGui::SetKeyboardFocusHere();
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 0.5f, fs * 0.5f));
            bool edited = ImGui::InputTextMultiline("##text", &text, ImVec2(-FLT_MIN, fs * 7));
            ImGui::PopStyleVar();
            probe("kiosk.text");
            if (edited) {
                if (text.empty())
                    current_.responses.erase(item->id);
                else
                    current_.responses[item->id] = {.number = {}, .text = text, .choices = {}};
                changed = true;
            }
            break;
        }
        }
        focus_input_ = false;
    }
    ImGui::EndChild();

    // Back on the left (not on the first question: nothing before it is this respondent's),
    // Start over next to it, Next (or Skip, or Finish) on the right.
    if (page_ > 1) {
        if (big_button("Back", ImVec2(fs * 7, big), false)) go_to(page_ - 1);
        probe("kiosk.back");
        ImGui::SameLine();
    }
    ImGui::PushFont(fonts().body);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (big - ImGui::GetFrameHeight()) / 2);
    if (ImGui::Button("Start over")) ImGui::OpenPopup("Start over?");
    probe("kiosk.start_over");
    if (ImGui::BeginPopupModal("Start over?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Clear your answers and begin again from the first question?");
        if (ImGui::Button("Yes, start over")) {
            start_over();
            ImGui::CloseCurrentPopup();
        }
        probe("kiosk.start_over.yes");
        ImGui::SameLine();
        if (ImGui::Button("No, go on")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopFont();
    if (auto status = saver_ ? saver_->status() : store::Autosaver::Status{};
        !status.error.empty()) {
        ImGui::SameLine();
        ImGui::PushFont(fonts().body);
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "Not saved: %s", status.error.c_str());
        ImGui::PopFont();
    }
    const char* next = page_ == total    ? "Finish###next"
                       : answered(page_) ? "Next###next"
                                         : "Skip###next";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - fs * 7);
    if (big_button(next, ImVec2(fs * 7, big), false)) advance = true;
    probe("kiosk.next");

    if (changed) save();
    if (advance) go_to(page_ + 1);
}

} // namespace convene::app
