// The parts of the printed protocol, in the order they print (protocol_document.cpp puts them
// together): header, time plan, opening and consent check, the questions area by area, closing.
#pragma once

#include "export/document.hpp"
#include "export/protocol_document.hpp"
#include "guides/guide_view.hpp"

#include <vector>

namespace convene::exporting::protocol_parts {

void header(doc::Document& d, const guides::Guide& g, const guides::Group& group,
            const ProtocolOptions& o);
void time_plan(doc::Document& d, const std::vector<guides::AreaView>& areas);
void opening(doc::Document& d, const std::vector<guides::AreaView>& areas,
             const ProtocolOptions& o);
void questions(doc::Document& d, const guides::Guide& g, const std::vector<guides::AreaView>& areas,
               const ProtocolOptions& o);
void closing(doc::Document& d, const ProtocolOptions& o);

// A field's answers as tick boxes (choices, yes / no, 1-5) or a line to write on (a number, text).
doc::Block field_block(const guides::Field& f);

} // namespace convene::exporting::protocol_parts
