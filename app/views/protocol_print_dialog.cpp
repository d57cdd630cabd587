// The "Print protocol" dialog: where to write the protocol, and the place and organisation to
// print in its header when they are not known yet.
#include "app/ui_probe.hpp"
#include "app/views/document_dialogs.hpp"
#include "export/atomic_file.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace convene::app {

void ProtocolPrintDialog::open(const guides::Guide& guide, exporting::ProtocolOptions options,
                               bool ask_org) {
    guide_ = guide;
    std::string name = "protocol-" + guide.id + "-" + options.group + ".html";
    options_ = std::move(options);
    ask_org_ = ask_org;
    target_.reset(name);
    open_ = true;
}

void ProtocolPrintDialog::draw() {
    if (open_) {
        ImGui::OpenPopup("Print protocol");
        open_ = false;
    }
    if (!ImGui::BeginPopupModal("Print protocol", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    const float em = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(em * 36);
    ImGui::TextUnformatted("Write the protocol to take into the room. What is not known yet "
                           "prints as a line to write on.");
    ImGui::PopTextWrapPos();
    if (ask_org_) {
        ImGui::SetNextItemWidth(em * 30);
        ImGui::InputTextWithHint("Organisation", "blank: a line to write on", &options_.org);
        probe(prefix_ + ".org", options_.org);
    }
    ImGui::SetNextItemWidth(em * 30);
    ImGui::InputTextWithHint("Place", "blank: a line to write on", &options_.place);
    probe(prefix_ + ".place", options_.place);
    target_.draw();
    ImGui::EndPopup();
}

void ProtocolPrintDialog::act() {
    if (!guide_) return;
    target_.act([&](const std::filesystem::path& file) {
        exporting::write_file_atomically(file, target_.markdown()
                                                   ? exporting::protocol_markdown(*guide_, options_)
                                                   : exporting::protocol_html(*guide_, options_));
    });
}

} // namespace convene::app
