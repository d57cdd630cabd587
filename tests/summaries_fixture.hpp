// A small workspace for the summaries' tests, built by hand so every right answer can be worked
// out on paper (tests/summaries_test.cpp does, case by case). With the bundled guide, codebook
// and currency table, plus three codes of its own (Price, Keen, Rigor) and two coders:
//
//   C1 licensing   MI 2024-03-01 complete  first_thoughts: notes "Likes the idea but worries
//                  about cost.", sentiment mixed, quote Q1 "Cost is the real barrier" (Dana);
//                  grain_size: clock_hours 10, grad_credits 1; challenges: obstacles
//                  [cost, tracking]; interest: interest 4, further_talks yes
//   C2 licensing   Ohio (its name, not OH: the demo writes names) 2024-04-10 complete
//   first_thoughts: notes "Very keen.", sentiment
//                  positive, quote Q2 "We would use this tomorrow" (Eli); grain_size:
//                  clock_hours 20, grad_credits 3; grad_credit: earns_grad_credit no;
//                  challenges: notes "Cost again.", obstacles [cost]
//   C3 association MI 2024-05-20 in progress  first_thoughts: notes "Doubts rigor.", sentiment
//                  negative, quote Q3 "Show me the evidence" (Fay); grain_size: grad_credits 2;
//                  grad_credit: earns_grad_credit yes; interest: interest 2
//   C4 licensing   IL 2024-06-01 planned, no answers
//   C5 licensing   MI, in the trash, with a coded answer (never counted)
//
//   segments  S1 Ana Price  C1 first_thoughts notes "worries about cost"
//             S2 Ana Price  C1 Q1 "Cost is the real barrier"
//             S3 Ana Keen   C1 first_thoughts whole answer
//             S4 Bo  Price  C1 first_thoughts notes "cost"
//             S5 Ana Keen   C2 first_thoughts notes "Very keen"
//             S6 Ana Price  C2 challenges whole answer
//             S7 Ana Rigor  C3 first_thoughts whole answer
//             S8 Bo  Price  C3 first_thoughts notes "Doubts"
//             (and one in C5, in the trash)
#pragma once

#include "store/workspace.hpp"

#include <map>
#include <string>

namespace convene::test {

struct SummariesFixture {
    std::string c1, c2, c3, c4, c5;
    std::string ana, bo;
    std::string price, keen, rigor;
    std::map<std::string, std::string> segment; // "S1" -> uuid
    std::map<std::string, std::string> answer;  // "C1 first_thoughts" -> uuid
};

SummariesFixture build_summaries_fixture(store::Workspace& ws);

} // namespace convene::test
