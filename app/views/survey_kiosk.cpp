// Surveys > kiosk: one full-window page per question, large text and large targets, each answer
// saved through the autosaver as soon as it is given.
#include "app/views/survey_kiosk.hpp"

#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"
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

// "from 0 to 40", "of at least 1", "up to 10" or "" when the item has no bounds.
std::string range_phrase(const guides::Item& item) {
    if (item.min && item.max)
        return "from " + format_number(*item.min) + " to " + format_number(*item.max);
    if (item.min) return "of at least " + format_number(*item.min);
    if (item.max) return "up to " + format_number(*item.max);
    return "";
}

// A small button drawn as a link: a quiet way to do something the page does not push.
bool link_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(2);
    return pressed;
}

void error_line(const std::string& text) {
    ImGui::PushFont(fonts().body);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.15f, 1), "%s", text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
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
                  "%s, about %s. There are no right or wrong answers, and you can skip any "
                  "question.",
                  widgets::count(std::size_t(question_count()), "short question").c_str(),
                  widgets::count(std::size_t(minutes), "minute").c_str());
    secondary(line);
    probe("kiosk.length", line);
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

void SurveyKiosk::draw_review() {
    const float fs = ImGui::GetFontSize();
    const float big = ImGui::GetFrameHeight() * kBigButton;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::TextUnformatted("Check your answers");
    probe("kiosk.review");
    secondary("Press Change next to an answer to change it, or Finish when they are right.");
    ImGui::Dummy(ImVec2(0, fs * 0.3f));
    ImGui::BeginChild("##review", ImVec2(0, -(big + style.ItemSpacing.y)));
    ImGui::PushFont(fonts().body);
    const float change_w = ImGui::GetFontSize() * 7;
    for (int page = 1; page <= question_count(); ++page) {
        ImGui::PushID(page);
        std::string question, answer;
        if (const auto* a = attribute_on(page)) {
            question = guides::attribute_question(*a);
            if (auto it = current_.attributes.find(a->id); it != current_.attributes.end())
                answer = it->second;
        } else if (const auto* item = item_on(page)) {
            question = item->text;
            if (auto it = current_.responses.find(item->id); it != current_.responses.end())
                answer = answer_text(instrument_, *item, it->second);
        }
        const float text_w = ImGui::GetContentRegionAvail().x - change_w - style.ItemSpacing.x;
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        ImGui::TextDisabled("%d. %s", page, question.c_str());
        if (answer.empty())
            ImGui::TextDisabled("Skipped");
        else
            ImGui::TextUnformatted(answer.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        probe("kiosk.review." + std::to_string(page), answer.empty() ? "Skipped" : answer);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - change_w);
        if (ImGui::Button("Change", ImVec2(change_w, 0))) {
            go_to(page);
            from_review_ = true;
        }
        probe("kiosk.change." + std::to_string(page));
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::EndChild();

    if (big_button("Back", ImVec2(fs * 7, big), false)) go_to(question_count());
    probe("kiosk.back");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - fs * 7);
    if (big_button("Finish", ImVec2(fs * 7, big), false)) go_to(thanks_page());
    probe("kiosk.finish");
}

void SurveyKiosk::set_other_text(const guides::Item& item, const std::string& other_label) {
    std::string words = other_text_;
    auto b = words.find_first_not_of(" \t\n");
    auto e = words.find_last_not_of(" \t\n");
    words = b == std::string::npos ? "" : words.substr(b, e - b + 1);
    const std::string answer = words.empty() ? other_label : other_label + ": " + words;
    auto& value = current_.responses[item.id];
    if (item.type == guides::ItemType::Choice) {
        value.text = answer;
        return;
    }
    for (auto& c : value.choices)
        if (guides::answer_is_choice(c, other_label)) c = answer;
}

bool SurveyKiosk::draw_other_text(const guides::Item& item, const std::string& other_label) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushFont(fonts().body);
    ImGui::TextUnformatted("Other: please say what");
    ImGui::PopFont();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 0.5f, fs * 0.5f));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * kChoiceEms));
    bool edited = ImGui::InputText("##other", &other_text_);
    ImGui::PopStyleVar();
    probe("kiosk.other_text");
    if (edited) set_other_text(item, other_label);
    return edited;
}

bool SurveyKiosk::draw_choices(const guides::Item& item, float width, bool& changed) {
    const float fs = ImGui::GetFontSize();
    const float big = ImGui::GetFrameHeight() * kBigButton;
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool multi = item.type == guides::ItemType::Multi;
    // Whether choice i is in an answer; `value` is the answer as this frame began (a copy: a
    // click below replaces or erases the stored one).
    auto in = [&](const store::ResponseValue& v, std::size_t i) {
        if (!multi) return guides::answer_is_choice(v.text, item.choices[i]);
        return std::any_of(v.choices.begin(), v.choices.end(), [&](const auto& c) {
            return guides::answer_is_choice(c, item.choices[i]);
        });
    };
    auto stored = [&] {
        auto it = current_.responses.find(item.id);
        return it == current_.responses.end() ? store::ResponseValue{} : it->second;
    };
    const store::ResponseValue value = stored();
    auto has = [&](std::size_t i) { return in(value, i); };
    secondary(multi ? "Choose all that apply, then press Next." : "Choose one.");
    ImGui::Dummy(ImVec2(0, fs * 0.5f));
    int columns = item.choices.size() > 4 ? 2 : 1;
    float w = std::min(fs * kChoiceEms,
                       (width - style.ItemSpacing.x * float(columns - 1)) / float(columns));
    int c = multi ? choice_buttons(item.choices, columns, w, big, has, "☑  ", "☐  ")
                  : choice_buttons(item.choices, columns, w, big, has);
    bool advance = false;
    if (c >= 0) {
        const auto picked = std::size_t(c);
        const std::string& label = item.choices[picked];
        const bool other = guides::is_other_choice(label);
        changed = true;
        if (!multi) {
            current_.responses[item.id] = {.number = {}, .text = label, .choices = {}};
            if (other)
                set_other_text(item, label); // stays: the words come next
            else
                advance = true;
        } else {
            // Kept in the instrument's order whatever order they were ticked in; "None" rules
            // out every other choice and any other choice rules out "None".
            const bool none_picked = guides::is_none_choice(label);
            std::vector<std::string> chosen;
            for (std::size_t i = 0; i < item.choices.size(); ++i) {
                bool on = i == picked ? !has(i) : has(i);
                if (i != picked && !has(picked) &&
                    (none_picked || guides::is_none_choice(item.choices[i])))
                    on = false;
                if (!on) continue;
                // An "Other" already ticked keeps its words.
                std::string kept = item.choices[i];
                for (const auto& v : value.choices)
                    if (guides::answer_is_choice(v, item.choices[i])) kept = v;
                chosen.push_back(kept);
            }
            if (chosen.empty())
                current_.responses.erase(item.id);
            else
                current_.responses[item.id] = {.number = {}, .text = {}, .choices = chosen};
            if (other && !has(picked) && !chosen.empty()) set_other_text(item, label);
        }
    }
    // The words for "Other", once it is chosen.
    const store::ResponseValue now = stored();
    for (std::size_t i = 0; i < item.choices.size(); ++i)
        if (guides::is_other_choice(item.choices[i]) && in(now, i)) {
            ImGui::Dummy(ImVec2(0, fs * 0.3f));
            changed |= draw_other_text(item, item.choices[i]);
        }
    return advance;
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
        other_text_.clear();
        if (item) {
            auto it = current_.responses.find(item->id);
            if (it != current_.responses.end() && it->second.number &&
                item->type == guides::ItemType::Number)
                number_text_ = format_number(*it->second.number);
            // The words after "Other: ", when the answer has them.
            if (it != current_.responses.end())
                for (const auto& choice : item->choices)
                    if (guides::is_other_choice(choice)) {
                        std::vector<std::string> given = it->second.choices;
                        given.push_back(it->second.text);
                        for (const auto& g : given)
                            if (guides::answer_is_choice(g, choice) && g.size() > choice.size())
                                other_text_ = g.substr(choice.size() + 2);
                    }
        }
        focus_input_ = item && (item->type == guides::ItemType::Number ||
                                item->type == guides::ItemType::Text);
    }

    // Progress, and Skip: a small link at the top, far from Next at the bottom right, so that a
    // double tap on Next never skips the following question.
    char progress[64];
    std::snprintf(progress, sizeof progress, "Question %d of %d", page_, total);
    ImGui::PushFont(fonts().body);
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(progress);
    ImGui::PopStyleColor();
    probe("kiosk.progress", progress);
    // A number out of range asks for a fix instead of offering to skip.
    if (!answered(page_) && number_error_.empty()) {
        const char* skip = "Skip this question  >";
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(skip).x -
                        style.FramePadding.x * 2);
        if (link_button(skip)) {
            if (from_review_)
                go_to(review_page());
            else
                go_to(page_ + 1);
            ImGui::PopFont();
            return; // the next page draws from the next frame
        }
        probe("kiosk.skip");
    }
    ImGui::ProgressBar(static_cast<float>(page_ - 1) / static_cast<float>(std::max(total, 1)),
                       ImVec2(-FLT_MIN, fs * 0.45f), "");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, fs * 0.5f));

    // The page scrolls on its own if a long question does not fit; the buttons below stay put.
    ImGui::BeginChild("##page", ImVec2(0, -(big + style.ItemSpacing.y)));
    const float width = ImGui::GetContentRegionAvail().x;
    bool changed = false, advance = false;
    if (attribute) {
        // Asked as a question a teacher answers ("How many years have you taught?"), not as
        // the label results use ("Years of experience").
        const std::string question = guides::attribute_question(*attribute);
        wrapped(question.c_str());
        probe("kiosk.attribute." + attribute->id, question);
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
        probe("kiosk.item." + item->id, item->text);
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
        case guides::ItemType::Choice:
        case guides::ItemType::Multi:
            advance = draw_choices(*item, width, changed);
            break;
        case guides::ItemType::Number: {
            const std::string range = range_phrase(*item);
            std::string hint = "Type a number";
            if (!range.empty()) hint += " " + range;
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
                // Says what to type instead; Skip stays away until the box is fixed or emptied.
                if (b != std::string::npos && !in_range)
                    number_error_ = (ok ? "" : "That is not a number. ") +
                                    std::string("Enter a number") +
                                    (range.empty() ? "" : " " + range) + ".";
                changed = true;
            }
            if (!number_error_.empty()) {
                error_line(number_error_);
                probe("kiosk.number_error", number_error_);
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
    // Start over next to it, Next on the right: only when there is an answer to move on with.
    if (page_ > 1) {
        if (big_button("Back", ImVec2(fs * 7, big), false)) {
            from_review_ = false;
            go_to(page_ - 1);
        }
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
    const char* next = from_review_     ? "Review###next"
                       : page_ == total ? "Review###next"
                                        : "Next###next";
    const float next_w = fs * 7;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - next_w);
    // Without an answer Next does nothing: a second tap of a double tap lands here harmlessly.
    const bool can_advance = answered(page_);
    ImGui::BeginDisabled(!can_advance);
    if (big_button(next, ImVec2(next_w, big), false)) advance = true;
    ImGui::EndDisabled();
    probe("kiosk.next", can_advance ? "enabled" : "disabled");

    if (changed) save();
    if (advance) go_to(from_review_ ? review_page() : page_ + 1);
}

} // namespace convene::app
