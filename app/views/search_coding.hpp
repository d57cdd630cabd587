// Conversations > search hits: each hit ticks, and the ticked answers (or all of them) are coded
// with one code in one action, as whole answers, by the person coding (NVivo's and QualCoder's
// "code the search results"). Drawing records the request; act() writes it through
// store::apply_code_to_answers after the frame.
#pragma once

#include "app/view_cache.hpp"
#include "app/views/code_combo.hpp"
#include "app/views/view.hpp"
#include "store/answers.hpp"
#include "store/codebook.hpp"
#include "store/people.hpp"

#include <set>
#include <string>
#include <vector>

namespace convene::app {

struct ConversationRequest;

class SearchCoding {
  public:
    // Draws the hits of query with a tick each and the coding row above them; clicking a hit
    // asks (in request) to open its conversation at that question.
    void draw(ViewContext& ctx, const std::string& query, const std::vector<store::SearchHit>& hits,
              const std::vector<std::string>& labels, ConversationRequest& request);
    // Carries out the coding asked for; called after drawing.
    void act(ViewContext& ctx);

  private:
    void refresh(ViewContext& ctx);
    void draw_coding_row(const std::vector<store::SearchHit>& hits);
    void draw_coder();
    std::string coder_uuid() const; // who codes: the only person, or the one chosen; "" if none

    ViewCache cache_;
    std::vector<store::CodeRow> codes_;
    std::vector<store::Person> people_;

    std::string ticked_for_;       // the query the ticks belong to
    std::set<std::string> ticked_; // answer uuids
    std::string code_uuid_;        // the code to apply
    CodeComboState code_combo_;
    std::string chosen_coder_; // with several people: the one chosen here
    std::string new_coder_;    // with nobody yet: the name typed

    struct Request {
        std::vector<std::string> answers;
        std::string code_uuid, coder_uuid, new_coder;
    };
    std::optional<Request> request_;
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace convene::app
