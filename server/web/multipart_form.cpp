#include "server/web/multipart_form.h"

#include <gmime/gmime.h>

#include <limits>
#include <memory>
#include <mutex>
#include <optional>

namespace hoering::web {
namespace {

// Owners for what GMime and GLib hand out.
struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;
struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;
struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

constexpr std::string_view kOctetStream = "application/octet-stream";

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

Status InvalidForm(std::string detail) {
  return InvalidArgument(std::move(detail), "invalid-form");
}
Status FormTooLarge(std::string detail) {
  return {Code::kPayloadTooLarge, std::move(detail), "form-too-large"};
}

// What the parser reported while it read the body. Header lists keep a clone
// of the parser options with this pointer: it must outlive every GMime object.
struct ParseWarnings {
  bool truncated = false;  // the body ended before a closing boundary
};

void OnParserWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* /*item*/,
                     gpointer user_data) {
  if (code == GMIME_WARN_TRUNCATED_MESSAGE)
    static_cast<ParseWarnings*>(user_data)->truncated = true;
}

bool IsUtf8(std::string_view s) {
  return g_utf8_validate_len(s.data(), s.size(), nullptr);
}

std::string ValidUtf8(std::string s) {
  if (IsUtf8(s)) return s;
  GCharPtr valid(g_utf8_make_valid(s.data(), static_cast<gssize>(s.size())));
  return valid.get();
}

// "C:\x\a.pdf", "/home/u/a.pdf" -> "a.pdf".
std::string Basename(std::string_view filename) {
  auto slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  return std::string(filename);
}

// Browsers send a file name's backslashes as they are (HTML's form-data
// encoding escapes only `"`, CR and LF, as %22 %0D %0A), where an RFC 822
// quoted-string, which GMime reads, makes "\x" an escaped "x". Doubling every
// backslash that does not already escape `"` or `\` keeps them.
std::string KeepBackslashes(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c != '\\') {
      out += c;
    } else if (i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\\')) {
      out += c;
      out += value[++i];
    } else {
      out += "\\\\";
    }
  }
  return out;
}

// The form-data parameters of a part; nullopt when the part is no form field.
struct FormData {
  std::string name;
  std::optional<std::string> filename;  // set, maybe "", for a file input
};

std::optional<FormData> FormDataOf(GMimeObject* part, GMimeParserOptions* options) {
  const char* header = g_mime_object_get_header(part, "Content-Disposition");
  if (header == nullptr) return std::nullopt;
  std::string value = KeepBackslashes(header);
  GObjectPtr<GMimeContentDisposition> disposition(
      g_mime_content_disposition_parse(options, value.c_str()));
  if (!disposition) return std::nullopt;
  const char* kind = g_mime_content_disposition_get_disposition(disposition.get());
  if (kind == nullptr || g_ascii_strcasecmp(kind, "form-data") != 0) return std::nullopt;
  const char* name = g_mime_content_disposition_get_parameter(disposition.get(), "name");
  if (name == nullptr) return std::nullopt;
  FormData data{name, std::nullopt};
  const char* filename = g_mime_content_disposition_get_parameter(disposition.get(), "filename");
  if (filename != nullptr) data.filename = ValidUtf8(Basename(filename));
  return data;
}

std::string MediaTypeOf(GMimeObject* part) {
  if (g_mime_object_get_header(part, "Content-Type") == nullptr) return std::string(kOctetStream);
  GCharPtr mime_type(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(part)));
  if (!mime_type) return std::string(kOctetStream);
  GCharPtr lower(g_ascii_strdown(mime_type.get(), -1));
  return lower.get();
}

std::string BytesOf(GMimeStream* mem) {
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// The bytes of a leaf part (decoded from its Content-Transfer-Encoding) or of
// a message/rfc822 part; nullopt for a part that holds parts (a multipart).
Result<std::optional<std::string>> ContentOf(GMimeObject* part) {
  GObjectPtr<GMimeStream> out(g_mime_stream_mem_new());
  if (GMIME_IS_PART(part)) {
    GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(part));
    if (content != nullptr && g_mime_data_wrapper_write_to_stream(content, out.get()) < 0) {
      return InvalidForm("a part of the form data could not be decoded");
    }
    return std::optional<std::string>(BytesOf(out.get()));
  }
  if (GMIME_IS_MESSAGE_PART(part)) {
    GMimeMessage* message = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
    if (message != nullptr &&
        g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, out.get()) < 0) {
      return InvalidForm("a part of the form data could not be decoded");
    }
    return std::optional<std::string>(BytesOf(out.get()));
  }
  return std::optional<std::string>();
}

struct Limits {
  std::size_t max_files;
  std::size_t max_field_bytes;
};

// Adds one top-level part to `form`, or ignores it (no form field, nested).
Status AddPart(GMimeObject* part, GMimeParserOptions* options, const Limits& limits,
               MultipartForm& form) {
  std::optional<FormData> data = FormDataOf(part, options);
  if (!data) return Status::Ok();
  auto content = ContentOf(part);
  if (!content.ok()) return content.status();
  if (!content->has_value()) return Status::Ok();
  std::string bytes = std::move(*content.value());
  if (!IsUtf8(data->name)) return InvalidForm("a form field name is not UTF-8");
  if (!data->filename) {
    if (bytes.size() > limits.max_field_bytes) {
      return FormTooLarge("the field \"" + data->name + "\" is longer than " +
                          std::to_string(limits.max_field_bytes) + " bytes");
    }
    if (!IsUtf8(bytes)) return InvalidForm("the field \"" + data->name + "\" is not UTF-8 text");
    form.fields.emplace_back(std::move(data->name), std::move(bytes));
    return Status::Ok();
  }
  if (data->filename->empty() && bytes.empty()) return Status::Ok();  // an empty file input
  if (form.files.size() >= limits.max_files) {
    return FormTooLarge("the form has more than " + std::to_string(limits.max_files) + " files");
  }
  form.files.push_back(UploadedFile{std::move(data->name), std::move(*data->filename),
                                    MediaTypeOf(part), std::move(bytes)});
  return Status::Ok();
}

// The body as GMime reads a MIME entity: the Content-Type header, a blank line,
// the body. A final CRLF is added when the body has none: GMime takes the line
// break before a boundary from the boundary line's own ending, and a closing
// boundary at the very end would otherwise leave a CR on the last part.
Result<GObjectPtr<GMimeStream>> EntityStream(std::string_view content_type, std::string_view body) {
  constexpr std::string_view kHeader = "Content-Type: ";
  constexpr std::string_view kBlankLine = "\r\n\r\n";
  const bool add_crlf = body.empty() || body.back() != '\n';
  const std::size_t size =
      kHeader.size() + content_type.size() + kBlankLine.size() + body.size() + (add_crlf ? 2 : 0);
  if (size > std::numeric_limits<guint>::max()) return FormTooLarge("the form data is too large");
  GByteArray* bytes = g_byte_array_sized_new(static_cast<guint>(size));
  auto append = [bytes](std::string_view s) {
    g_byte_array_append(bytes, reinterpret_cast<const guint8*>(s.data()),
                        static_cast<guint>(s.size()));
  };
  append(kHeader);
  append(content_type);
  append(kBlankLine);
  append(body);
  if (add_crlf) append("\r\n");
  return GObjectPtr<GMimeStream>(g_mime_stream_mem_new_with_byte_array(bytes));  // owns `bytes`
}

}  // namespace

Result<MultipartForm> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                         std::size_t max_files, std::size_t max_field_bytes) {
  InitGMime();
  if (content_type.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    return InvalidForm("the Content-Type header holds a line break or a NUL");
  }
  ParseWarnings warnings;  // first: outlives every GMime object below
  ParserOptionsPtr options(g_mime_parser_options_new());
  g_mime_parser_options_set_warning_callback(options.get(), OnParserWarning, &warnings);

  const std::string header(content_type);
  GObjectPtr<GMimeContentType> type(g_mime_content_type_parse(options.get(), header.c_str()));
  if (!type || !g_mime_content_type_is_type(type.get(), "multipart", "form-data")) {
    return InvalidForm("the body is not multipart/form-data");
  }
  const char* boundary = g_mime_content_type_get_parameter(type.get(), "boundary");
  if (boundary == nullptr || *boundary == '\0') {
    return InvalidForm("the multipart/form-data Content-Type has no boundary");
  }

  auto stream = EntityStream(content_type, body);
  if (!stream.ok()) return stream.status();
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream->get()));
  GObjectPtr<GMimeObject> root(g_mime_parser_construct_part(parser.get(), options.get()));
  if (!root || !GMIME_IS_MULTIPART(root.get())) {
    return InvalidForm("the form data could not be parsed");
  }
  if (warnings.truncated) {
    return InvalidForm("the form data ends before its closing boundary");
  }

  GMimeMultipart* multipart = GMIME_MULTIPART(root.get());
  const Limits limits{max_files, max_field_bytes};
  MultipartForm form;
  const int count = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < count; ++i) {
    Status added = AddPart(g_mime_multipart_get_part(multipart, i), options.get(), limits, form);
    if (!added.ok()) return added;
  }
  return form;
}

}  // namespace hoering::web
