// Turns a response written in Markdown into the JSON body of
// POST /v1/consultations/{id}/responses (docs/api.md). Pure: no I/O.
//
// The file:
//
//   ---
//   party: aarhus              (optional here; `--party` may give it)
//   author: Jane Doe           (required)
//   email: jane@example.org    (optional)
//   publication: public        (required: public | anonymous | private)
//   ---
//   Free text up to the first point is the summary (optional).
//
//   ## Point 1                 each "## " heading starts a point; its text is ignored
//   Section: kap-3             optional: the section the point is about
//   > the quoted passage       optional: "> " lines, joined with a space
//   The point's text, up to the next "## " heading (required).
//
// Blank lines between a point's heading, its Section: line, its quote lines
// and its text are skipped; the text keeps its inner line breaks. A "## "
// line inside a ``` or ~~~ fence is text, not a heading. CRLF line ends and a
// leading UTF-8 BOM are accepted.
//
// The body is {party?, author: {name, email?}, summary?, points: [{section?,
// quote?, text}], publication}. Errors are InvalidArgument statuses of type
// "invalid-response-markdown" whose detail names the line ("line 7: ...").
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/status.h"

namespace hoering::client {

Result<nlohmann::json> ParseResponseMarkdown(std::string_view text);

// The request body from a response file named `name` holding `text`: a name
// ending in .json holds a JSON object, one ending in .md or .markdown is
// Markdown as above, any other name (e.g. "-" for standard input) is JSON
// when the text starts with '{'. A non-empty `party` fills in the party; a
// file naming another party, or no party from either, is an error.
Result<nlohmann::json> ResponseBodyFromFile(std::string_view name, std::string_view text,
                                            std::string_view party);

}  // namespace hoering::client
