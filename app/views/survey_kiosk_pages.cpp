// Surveys > kiosk, the pages: welcome, one page per question (attribute, Likert, choice, number,
// text), review and thank-you, with large text and large targets.
#include "app/fonts.hpp"
#include "app/ui_probe.hpp"
#include "app/views/survey_kiosk.hpp"
#include "app/views/survey_panels.hpp"
#include "app/widgets.hpp"
#include "guides/numbers.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {
namespace {

constexpr float kBigButton = 2.6f;  // big buttons, in frame heights
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

float big_height() {
    return ImGui::GetFrameHeight() * kBigButton;
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
                   Selected&& selected, const char* prefix_on = "", const char* prefix_off = "") {
    int clicked = -1;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, spacing);
        bool on = selected(i);
        std::string text = std::string(on ? prefix_on : prefix_off) + labels[i];
        float inner = button_width - 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::PushID(static_cast<int>(i));
        if (big_button(fit_label(text, inner) + "##choice", ImVec2(button_width, big_height()), on))
            clicked = static_cast<int>(i);
        ImGui::PopID();
        probe("kiosk.choice." + std::to_string(i));
        if (on) probe("kiosk.selected." + std::to_string(i));
    }
    return clicked;
}

// Choices one column deep, two when there are more than four; each at most kChoiceEms wide.
int choice_columns(std::size_t choices) {
    return choices > 4 ? 2 : 1;
}
float choice_width(int columns, float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return std::min(ImGui::GetFontSize() * kChoiceEms,
                    (width - spacing * float(columns - 1)) / float(columns));
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

// The hint under a question and the gap before its answers.
void hint(const char* text) {
    secondary(text);
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.5f));
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

// A text field with room around the words, for fingers.
void push_roomy_frame() {
    const float fs = ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 0.5f, fs * 0.5f));
}

// Whether choice i of a choice or multi-choice item is in an answer.
bool choice_in(const guides::Item& item, const store::ResponseValue& v, std::size_t i) {
    if (item.type != guides::ItemType::Multi)
        return guides::answer_is_choice(v.text, item.choices[i]);
    return std::any_of(v.choices.begin(), v.choices.end(),
                       [&](const auto& c) { return guides::answer_is_choice(c, item.choices[i]); });
}

// A multi-choice answer after choice `picked` is clicked, kept in the instrument's order whatever
// order they were ticked in; "None" rules out every other choice and any other choice rules out
// "None". An "Other" already ticked keeps its words.
std::vector<std::string> toggle_choice(const guides::Item& item, std::size_t picked,
                                       const store::ResponseValue& value) {
    auto has = [&](std::size_t i) { return choice_in(item, value, i); };
    const bool none_picked = guides::is_none_choice(item.choices[picked]);
    std::vector<std::string> chosen;
    for (std::size_t i = 0; i < item.choices.size(); ++i) {
        bool on = i == picked ? !has(i) : has(i);
        if (i != picked && !has(picked) && (none_picked || guides::is_none_choice(item.choices[i])))
            on = false;
        if (!on) continue;
        std::string kept = item.choices[i];
        for (const auto& v : value.choices)
            if (guides::answer_is_choice(v, item.choices[i])) kept = v;
        chosen.push_back(kept);
    }
    return chosen;
}

// The words after "Other: " in an answer to item, or "" when it has none.
std::string other_words(const guides::Item& item, const store::ResponseValue& answer) {
    std::string words;
    std::vector<std::string> given = answer.choices;
    given.push_back(answer.text);
    for (const auto& choice : item.choices)
        if (guides::is_other_choice(choice))
            for (const auto& g : given)
                if (guides::answer_is_choice(g, choice) && g.size() > choice.size())
                    words = g.substr(choice.size() + 2);
    return words;
}

} // namespace

void SurveyKiosk::draw_welcome() {
    const float fs = ImGui::GetFontSize();
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
    if (big_button("Begin", ImVec2(fs * 10, big_height()), false)) go_to(1);
    probe("kiosk.start");
}

void SurveyKiosk::draw_thanks() {
    const float fs = ImGui::GetFontSize();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() * 0.22f));
    ImGui::TextUnformatted("Thank you!");
    probe("kiosk.thanks");
    ImGui::Spacing();
    wrapped("Your answers have been saved.");
    secondary("Please hand the laptop back, or let the next person begin.");
    ImGui::Dummy(ImVec2(0, fs));
    if (big_button("Next respondent", ImVec2(fs * 14, big_height()), false)) new_respondent();
    probe("kiosk.next_respondent");
    // No Back here: whoever is handed the laptop next must not page through these answers.
}

void SurveyKiosk::draw_review() {
    const float fs = ImGui::GetFontSize();
    const float big = big_height();
    ImGui::TextUnformatted("Check your answers");
    probe("kiosk.review");
    secondary("Press Change next to an answer to change it, or Finish when they are right.");
    ImGui::Dummy(ImVec2(0, fs * 0.3f));
    ImGui::BeginChild("##review", ImVec2(0, -(big + ImGui::GetStyle().ItemSpacing.y)));
    ImGui::PushFont(fonts().body);
    for (int page = 1; page <= question_count(); ++page)
        draw_review_row(page);
    ImGui::PopFont();
    ImGui::EndChild();

    if (big_button("Back", ImVec2(fs * 7, big), false)) go_to(question_count());
    probe("kiosk.back");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - fs * 7);
    if (big_button("Finish", ImVec2(fs * 7, big), false)) go_to(thanks_page());
    probe("kiosk.finish");
}

void SurveyKiosk::draw_review_row(int page) {
    const float change_w = ImGui::GetFontSize() * 7;
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
    const float text_w =
        ImGui::GetContentRegionAvail().x - change_w - ImGui::GetStyle().ItemSpacing.x;
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

void SurveyKiosk::draw_question() {
    const auto* attribute = attribute_on(page_);
    const auto* item = item_on(page_);
    if (edit_page_ != page_) load_page_text(item);
    if (draw_progress()) return; // skipped: the next page draws from the next frame

    // The page scrolls on its own if a long question does not fit; the buttons below stay put.
    ImGui::BeginChild("##page", ImVec2(0, -(big_height() + ImGui::GetStyle().ItemSpacing.y)));
    const float width = ImGui::GetContentRegionAvail().x;
    PageInput input;
    if (attribute) {
        input = draw_attribute(*attribute, width);
    } else if (item) {
        input = draw_item(*item, width);
        focus_input_ = false;
    }
    ImGui::EndChild();

    if (draw_question_buttons()) input.advance = true;
    if (input.changed) save();
    if (input.advance) go_to(from_review_ ? review_page() : page_ + 1);
}

void SurveyKiosk::load_page_text(const guides::Item* item) {
    edit_page_ = page_;
    number_error_.clear();
    number_text_.clear();
    other_text_.clear();
    if (item) {
        if (auto it = current_.responses.find(item->id); it != current_.responses.end()) {
            if (it->second.number && item->type == guides::ItemType::Number)
                number_text_ = format_number(*it->second.number);
            other_text_ = other_words(*item, it->second);
        }
    }
    focus_input_ =
        item && (item->type == guides::ItemType::Number || item->type == guides::ItemType::Text);
}

bool SurveyKiosk::draw_progress() {
    // Progress, and Skip: a small link at the top, far from Next at the bottom right, so that a
    // double tap on Next never skips the following question.
    const int total = question_count();
    char progress[64];
    std::snprintf(progress, sizeof progress, "Question %d of %d", page_, total);
    ImGui::PushFont(fonts().body);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(progress);
    ImGui::PopStyleColor();
    probe("kiosk.progress", progress);
    // A number out of range asks for a fix instead of offering to skip.
    if (!answered(page_) && number_error_.empty()) {
        const char* skip = "Skip this question  >";
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(skip).x -
                        ImGui::GetStyle().FramePadding.x * 2);
        if (link_button(skip)) {
            go_to(from_review_ ? review_page() : page_ + 1);
            ImGui::PopFont();
            return true;
        }
        probe("kiosk.skip");
    }
    const float fs = ImGui::GetFontSize();
    ImGui::ProgressBar(static_cast<float>(page_ - 1) / static_cast<float>(std::max(total, 1)),
                       ImVec2(-FLT_MIN, fs * 0.45f), "");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, fs * 0.5f));
    return false;
}

SurveyKiosk::PageInput SurveyKiosk::draw_attribute(const guides::Attribute& attribute,
                                                   float width) {
    // Asked as a question a teacher answers ("How many years have you taught?"), not as the label
    // results use ("Years of experience").
    const std::string question = guides::attribute_question(attribute);
    wrapped(question.c_str());
    probe("kiosk.attribute." + attribute.id, question);
    if (answered(page_)) probe("kiosk.answered");
    hint("Choose one.");
    auto it = current_.attributes.find(attribute.id);
    const std::string chosen = it == current_.attributes.end() ? std::string() : it->second;
    const int columns = choice_columns(attribute.choices.size());
    int c = choice_buttons(attribute.choices, columns, choice_width(columns, width),
                           [&](std::size_t i) { return attribute.choices[i] == chosen; });
    if (c < 0) return {};
    current_.attributes[attribute.id] = attribute.choices[std::size_t(c)];
    return {.changed = true, .advance = true};
}

SurveyKiosk::PageInput SurveyKiosk::draw_item(const guides::Item& item, float width) {
    wrapped(item.text.c_str());
    probe("kiosk.item." + item.id, item.text);
    if (answered(page_)) probe("kiosk.answered");
    switch (item.type) {
    case guides::ItemType::Likert:
        return draw_likert(item, width);
    case guides::ItemType::Choice:
    case guides::ItemType::Multi:
        return draw_choices(item, width);
    case guides::ItemType::Number:
        return {.changed = draw_number(item), .advance = false};
    case guides::ItemType::Text:
        return {.changed = draw_text(item), .advance = false};
    }
    return {};
}

store::ResponseValue SurveyKiosk::response_to(const guides::Item& item) const {
    auto it = current_.responses.find(item.id);
    return it == current_.responses.end() ? store::ResponseValue{} : it->second;
}

SurveyKiosk::PageInput SurveyKiosk::draw_likert(const guides::Item& item, float width) {
    const auto* scale = instrument_.scale_of(item.id);
    if (!scale) return {};
    hint("Choose the answer that fits best.");
    const store::ResponseValue value = response_to(item);
    int n = std::max(scale->points(), 1);
    float w = (width - ImGui::GetStyle().ItemSpacing.x * float(n - 1)) / float(n);
    int c = choice_buttons(scale->labels, n, w, [&](std::size_t i) {
        return value.number && *value.number == double(i + 1);
    });
    if (c < 0) return {};
    current_.responses[item.id] = {.number = double(c + 1), .text = {}, .choices = {}};
    return {.changed = true, .advance = true};
}

SurveyKiosk::PageInput SurveyKiosk::draw_choices(const guides::Item& item, float width) {
    const bool multi = item.type == guides::ItemType::Multi;
    // The answer as this frame began (a copy: a click below replaces or erases the stored one).
    const store::ResponseValue value = response_to(item);
    auto has = [&](std::size_t i) { return choice_in(item, value, i); };
    hint(multi ? "Choose all that apply, then press Next." : "Choose one.");
    const int columns = choice_columns(item.choices.size());
    const float w = choice_width(columns, width);
    int c = multi ? choice_buttons(item.choices, columns, w, has, "☑  ", "☐  ")
                  : choice_buttons(item.choices, columns, w, has);
    PageInput input;
    if (c >= 0) input = {.changed = true, .advance = pick_choice(item, std::size_t(c), value)};
    // The words for "Other", once it is chosen.
    const store::ResponseValue now = response_to(item);
    for (std::size_t i = 0; i < item.choices.size(); ++i)
        if (guides::is_other_choice(item.choices[i]) && choice_in(item, now, i)) {
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
            input.changed |= draw_other_text(item, item.choices[i]);
        }
    return input;
}

bool SurveyKiosk::pick_choice(const guides::Item& item, std::size_t picked,
                              const store::ResponseValue& value) {
    const std::string& label = item.choices[picked];
    const bool other = guides::is_other_choice(label);
    if (item.type != guides::ItemType::Multi) {
        current_.responses[item.id] = {.number = {}, .text = label, .choices = {}};
        if (!other) return true;
        set_other_text(item, label); // stays: the words come next
        return false;
    }
    std::vector<std::string> chosen = toggle_choice(item, picked, value);
    if (chosen.empty())
        current_.responses.erase(item.id);
    else
        current_.responses[item.id] = {.number = {}, .text = {}, .choices = chosen};
    if (other && !choice_in(item, value, picked) && !chosen.empty()) set_other_text(item, label);
    return false;
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
    push_roomy_frame();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * kChoiceEms));
    bool edited = ImGui::InputText("##other", &other_text_);
    ImGui::PopStyleVar();
    probe("kiosk.other_text");
    if (edited) set_other_text(item, other_label);
    return edited;
}

bool SurveyKiosk::draw_number(const guides::Item& item) {
    const std::string range = range_phrase(item);
    std::string text = "Type a number";
    if (!range.empty()) text += " " + range;
    if (!item.unit.empty()) text += " (" + item.unit + ")";
    text += ", then press Next.";
    hint(text.c_str());
    push_roomy_frame();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (focus_input_) ImGui::SetKeyboardFocusHere();
    bool edited = ImGui::InputText("##number", &number_text_, ImGuiInputTextFlags_CharsDecimal);
    probe("kiosk.number");
    ImGui::PopStyleVar();
    if (!item.unit.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(item.unit.c_str());
    }
    if (edited) set_number(item, range);
    if (!number_error_.empty()) {
        error_line(number_error_);
        probe("kiosk.number_error", number_error_);
    }
    return edited;
}

void SurveyKiosk::set_number(const guides::Item& item, const std::string& range) {
    number_error_.clear();
    const auto v = guides::parse_number(number_text_);
    const bool in_range = v && (!item.min || *v >= *item.min) && (!item.max || *v <= *item.max);
    if (in_range)
        current_.responses[item.id] = {.number = *v, .text = {}, .choices = {}};
    else
        current_.responses.erase(item.id);
    // Says what to type instead; Skip stays away until the box is fixed or emptied.
    const bool blank = number_text_.find_first_not_of(' ') == std::string::npos;
    if (!blank && !in_range)
        number_error_ = (v ? "" : "That is not a number. ") + std::string("Enter a number") +
                        (range.empty() ? "" : " " + range) + ".";
}

bool SurveyKiosk::draw_text(const guides::Item& item) {
    const float fs = ImGui::GetFontSize();
    hint("Type your answer, then press Next.");
    std::string text = response_to(item).text;
    if (focus_input_) ImGui::SetKeyboardFocusHere();
    push_roomy_frame();
    bool edited = ImGui::InputTextMultiline("##text", &text, ImVec2(-FLT_MIN, fs * 7));
    ImGui::PopStyleVar();
    probe("kiosk.text");
    if (!edited) return false;
    if (text.empty())
        current_.responses.erase(item.id);
    else
        current_.responses[item.id] = {.number = {}, .text = text, .choices = {}};
    return true;
}

bool SurveyKiosk::draw_question_buttons() {
    // Back on the left (not on the first question: nothing before it is this respondent's),
    // Start over next to it, Next on the right: only when there is an answer to move on with.
    const float fs = ImGui::GetFontSize();
    const float big = big_height();
    if (page_ > 1) {
        if (big_button("Back", ImVec2(fs * 7, big), false)) {
            from_review_ = false;
            go_to(page_ - 1);
        }
        probe("kiosk.back");
        ImGui::SameLine();
    }
    draw_start_over(big);
    const char* next = from_review_ || page_ == question_count() ? "Review###next" : "Next###next";
    const float next_w = fs * 7;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - next_w);
    // Without an answer Next does nothing: a second tap of a double tap lands here harmlessly.
    const bool can_advance = answered(page_);
    ImGui::BeginDisabled(!can_advance);
    const bool pressed = big_button(next, ImVec2(next_w, big), false);
    ImGui::EndDisabled();
    probe("kiosk.next", can_advance ? "enabled" : "disabled");
    return pressed;
}

void SurveyKiosk::draw_start_over(float row_height) {
    ImGui::PushFont(fonts().body);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (row_height - ImGui::GetFrameHeight()) / 2);
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
}

} // namespace convene::app
