// Surveys > kiosk: respondents answer an instrument on the facilitator's laptop, one after
// another, with large targets; a respondent never sees another's answers; each answer is saved
// as it is given; only the facilitator's key combination (Ctrl+Alt+K) leaves the kiosk. A response
// left alone for a quiet minute is saved as partial and the kiosk greets the next person; Back
// never leads out of the current respondent's answers.
#pragma once

#include "app/shortcuts.hpp"
#include "app/views/view.hpp"
#include "guides/instrument.hpp"
#include "store/autosaver.hpp"
#include "store/respondent_changes.hpp"
#include "store/surveys.hpp"

#include <memory>
#include <string>
#include <vector>

namespace convene::app {

class SurveyKiosk {
  public:
    // Starts the kiosk for an instrument: the first respondent's welcome page is shown.
    void start(store::Workspace& ws, const guides::Instrument& instrument);
    bool active() const { return active_; }
    // Draws the kiosk over the whole window while active.
    void draw(ViewContext& ctx);
    // Hands what draw() recorded (the respondent's changes) to the autosaver; called by the
    // screen after drawing.
    void act();
    // Command::LeaveKiosk ends the kiosk (after saving); other commands are swallowed while
    // active so a respondent cannot wander into the workspace. Returns true when handled.
    bool handle(Command command);
    // Respondents finished in this kiosk session.
    int completed() const { return completed_; }
    // After this many seconds without a touch or a key, an unfinished response is saved as
    // partial and the kiosk returns to the welcome screen for the next person.
    void set_idle_seconds(double seconds) { idle_seconds_ = seconds; }
    double idle_seconds() const { return idle_seconds_; }
    // Seconds until the idle reset is due (the window must wake up then), or a negative number
    // when none is (the welcome screen).
    double seconds_until_idle_reset() const;

  private:
    void stop();
    void new_respondent();
    void watch_idle(); // resets the kiosk after idle_seconds_ without input
    void start_over(); // the respondent drops their answers and begins again
    int question_count() const;
    int review_page() const { return question_count() + 1; }
    int thanks_page() const { return question_count() + 2; }
    const guides::Attribute* attribute_on(int page) const; // nullptr unless an attribute page
    const guides::Item* item_on(int page) const;           // nullptr unless an item page
    bool answered(int page) const;
    void go_to(int page);
    void save(); // queues what changed in the current respondent on the autosaver
    void queue(const store::RespondentChange& change); // recorded for act()
    // The pages (survey_kiosk_pages.cpp).
    struct PageInput {
        bool changed = false; // the answer changed: save it
        bool advance = false; // move on to the next page
    };
    void draw_welcome();
    void draw_thanks();
    void draw_review();
    void draw_review_row(int page);
    void draw_question();
    void load_page_text(const guides::Item* item); // on arriving at a question's page
    bool draw_progress();                          // true when the question was skipped
    PageInput draw_attribute(const guides::Attribute& attribute, float width);
    PageInput draw_item(const guides::Item& item, float width);
    store::ResponseValue response_to(const guides::Item& item) const; // empty when none
    PageInput draw_likert(const guides::Item& item, float width);
    PageInput draw_choices(const guides::Item& item, float width);
    // Applies a click on a choice to the answer `value` had when the frame began; true when the
    // page should move on.
    bool pick_choice(const guides::Item& item, std::size_t picked,
                     const store::ResponseValue& value);
    // The words for an "Other" choice, when it is chosen; true when they changed.
    bool draw_other_text(const guides::Item& item, const std::string& other_label);
    void set_other_text(const guides::Item& item, const std::string& other_label);
    bool draw_number(const guides::Item& item); // true when the box was edited
    void set_number(const guides::Item& item, const std::string& range);
    bool draw_text(const guides::Item& item); // true when the text was edited
    bool draw_question_buttons();             // true when Next was pressed
    void draw_start_over(float row_height);

    bool active_ = false;
    std::vector<store::RespondentChange> outbox_; // recorded by draw, written by act()
    int completed_ = 0;
    store::Workspace* ws_ = nullptr;
    guides::Instrument instrument_;
    std::unique_ptr<store::Autosaver> saver_;
    store::Respondent current_;
    store::Respondent saved_; // current_ as last written
    int page_ = 0; // 0 welcome, 1..N one item (or attribute) per page, N+1 review, N+2 thanks
    bool from_review_ = false; // changing one answer from the review: Next returns there

    bool finished_ = false;   // the current respondent reached the thank-you page
    bool saved_once_ = false; // the current respondent has a row in the workspace
    double idle_seconds_ = 60;
    double last_input_ = 0;    // ImGui::GetTime() of the last touch or key
    bool focused_ = false;     // the kiosk window had the focus last frame
    int edit_page_ = -1;       // the page number_text_ was loaded for
    bool focus_input_ = false; // put the keyboard in this page's text field
    std::string number_text_, number_error_;
    std::string other_text_; // the respondent's words for this page's "Other" choice
};

} // namespace convene::app
