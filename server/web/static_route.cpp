// GET /static/{bundle}/{path...}: the built-in static files (static_assets.h).
// A bundle other than the running build's is 404 (a page of an older build
// asks for files this build does not have under that name). Answers carry a
// one-year immutable Cache-Control and the file's ETag; If-None-Match with
// that ETag is 304.
#include <boost/beast/http.hpp>

#include "server/http/problem.h"
#include "server/web/pages.h"

namespace hoering::web {

void AddStaticRoute(http::Router& router, const Site& site) {
  namespace bh = boost::beast::http;
  router.Add(
      bh::verb::get, "/static/{bundle}/{path...}",
      [&site](http::Request&& req, const http::RouteMatch& match, const http::RequestInfo&,
              http::Responder respond) {
        const StaticAsset* asset = match.Param("bundle") == site.assets.bundle()
                                       ? site.assets.Find(match.Param("path"))
                                       : nullptr;
        if (!asset) {
          return respond(http::MakeProblem(404, "static-not-found", "no such static file", req));
        }
        const bool fresh = req[bh::field::if_none_match] == asset->etag;
        http::Response res{fresh ? bh::status::not_modified : bh::status::ok, req.version()};
        res.set(bh::field::etag, asset->etag);
        res.set(bh::field::cache_control, "public, max-age=31536000, immutable");
        res.set("X-Content-Type-Options", "nosniff");
        if (!fresh) {
          res.set(bh::field::content_type, asset->media_type);
          res.body().assign(asset->bytes);
        }
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        respond(std::move(res));
      });
}

}  // namespace hoering::web
