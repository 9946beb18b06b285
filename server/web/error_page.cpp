#include "server/web/error_page.h"

#include "server/http/problem.h"

namespace hoering::web {

http::Response RenderErrorPage(const LayoutContext& layout, const Status& status) {
  const unsigned code = http::HttpStatusFor(status.code());
  const Catalogue& cat = layout.site.catalogue;
  const std::string type =
      status.type().empty() ? std::string(http::DefaultProblemType(status.code())) : status.type();
  const std::string by_type = "problems." + type;
  std::string message = cat.Text(layout.lang, by_type);
  if (message == by_type) message = cat.Text(layout.lang, "errors.status_" + std::to_string(code));
  if (message.starts_with("errors.")) message = cat.Text(layout.lang, "errors.other");
  HtmlPage page{"error",
                cat.Text(layout.lang, "errors.title"),
                {{"status", code}, {"message", message}, {"detail", status.detail()}},
                static_cast<boost::beast::http::status>(code)};
  return RenderPage(layout, page);
}

}  // namespace hoering::web
