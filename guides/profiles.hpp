// Micro-credential profiles (what a facilitator shows in areas 5 and 6) and stacks of them.
#pragma once

#include "guides/problems.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convene::guides {

struct RubricRow {
    std::string criterion, proficient, not_yet;
    bool operator==(const RubricRow&) const = default;
};

struct Profile {
    std::string id, title, issuer, developer, competency, key_method;
    std::vector<std::string> method_components, research_resources, submission_criteria;
    std::vector<RubricRow> rubric;
    std::string stack; // id of the stack it belongs to, "" if none
    std::string currency_granted;
    std::optional<double> estimated_hours;
    bool sample = false;
    bool operator==(const Profile&) const = default;
};

struct Stack {
    std::string id, title, description;
    std::vector<std::string> profiles; // in order
    bool operator==(const Stack&) const = default;
};

struct ProfileLibrary {
    std::vector<Stack> stacks;
    std::vector<Profile> profiles;
    const Profile* profile(std::string_view id) const;
};

struct ProfilesLoad {
    std::optional<ProfileLibrary> library;
    Problems problems;
};

ProfilesLoad parse_profiles(std::string_view json_text);
std::string profiles_to_json(const ProfileLibrary& library);

} // namespace convene::guides
