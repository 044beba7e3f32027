#include <algorithm>
#include <iostream>
#include <memory>

#include "app/relationship_json.h"
#include "app/relationships.h"
#include "cli/commands/commands.h"
#include "cli/commands/relationship_printing.h"
#include "cli/printing.h"

namespace kith::cli {
namespace {

struct PostFlags {
  std::string channel;
  std::string url;
  std::string topic;
  std::string on;
  int limit = 50;
  int every_days = 0;
};

void PrintPosts(std::ostream& out, const std::vector<Post>& posts) {
  int channel_width = 0;
  for (const auto& post : posts) channel_width = std::max(channel_width, DisplayWidth(post.channel));
  for (const auto& post : posts) {
    std::string line = "  " + post.on.ToIso() + "  " + PadTo(post.channel, channel_width) + "  " + post.topic;
    if (!post.url.empty()) line += (post.topic.empty() ? "" : "  ") + post.url;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace

Command AddPostCommand(CLI::App& root, const GlobalOptions& globals) {
  auto* command = root.add_subcommand("post", "Your own posts: people should know what you do");
  command->require_subcommand(1);
  command->footer(R"(kith today nudges you when you have not posted for a while (weekly unless
you set another cadence).

Examples:
  kith post add --channel linkedin --topic "What I learned shipping WAL mode" --url https://…
  kith post list
  kith post cadence 14          # every two weeks
  kith post cadence             # show it)");
  auto flags = std::make_shared<PostFlags>();
  auto* add = command->add_subcommand("add", "Log a post you made");
  add->add_option("--channel", flags->channel, "Where: linkedin, blog, newsletter, …")->required();
  add->add_option("--url", flags->url, "Its link");
  add->add_option("--topic", flags->topic, "What it was about");
  add->add_option("--on", flags->on, "When (YYYY-MM-DD, default today)");
  add->footer("Example:\n  kith post add --channel blog --topic \"Notes from RustConf\" --url https://…");
  auto* list = command->add_subcommand("list", "Your posts, newest first");
  list->add_option("--limit", flags->limit, "How many (default 50)");
  list->footer("Example:\n  kith post list --limit 10");
  auto* cadence = command->add_subcommand("cadence", "How often you mean to post (days; 0: no nudge)");
  cadence->add_option("days", flags->every_days, "Every this many days")->check(CLI::Range(0, 3650));
  cadence->footer("Examples:\n  kith post cadence 7\n  kith post cadence");

  return {command, [=, &globals]() {
            return RunWithSession("post", globals, [&](Session& session) -> int {
              Context& context = session.context();
              const Date today = context.clock.Today();
              if (add->parsed()) {
                PostFields fields;
                fields.channel = flags->channel;
                fields.url = flags->url;
                fields.topic = flags->topic;
                auto on = ParseOptionalDateFlag("--on", flags->on);
                if (!on) return ReportError("post add", on.error());
                fields.on = on->value_or(today);
                auto post = AddPost(context, std::move(fields));
                if (!post) return ReportError("post add", post.error());
                if (globals.json) {
                  PrintJson(std::cout, PostToJson(*post));
                } else {
                  auto every = PostingCadence(context);
                  std::cout << "Logged your " << post->channel << " post of " << post->on.ToIso() << ".";
                  if (every && *every > 0) {
                    std::cout << " Next nudge: " << post->on.AddDays(*every).ToIso() << '.';
                  }
                  std::cout << '\n';
                }
                return 0;
              }
              if (list->parsed()) {
                auto posts = ListPosts(context, flags->limit);
                if (!posts) return ReportError("post list", posts.error());
                if (globals.json) {
                  nlohmann::json array = nlohmann::json::array();
                  for (const auto& post : *posts) array.push_back(PostToJson(post));
                  PrintJson(std::cout, array);
                } else if (posts->empty()) {
                  std::cout << "No posts yet. kith post add --channel linkedin --topic T logs one.\n";
                } else {
                  PrintPosts(std::cout, *posts);
                }
                return 0;
              }
              if (cadence->count("days") > 0) {
                auto saved = SetPostingCadence(context, flags->every_days);
                if (!saved) return ReportError("post cadence", saved.error());
              }
              auto every = PostingCadence(context);
              if (!every) return ReportError("post cadence", every.error());
              if (globals.json) {
                PrintJson(std::cout, {{"days", *every}});
              } else if (*every <= 0) {
                std::cout << "No posting nudge.\n";
              } else {
                std::cout << "Post every " << *every << (*every == 1 ? " day" : " days") << ".\n";
              }
              return 0;
            });
          }};
}

}  // namespace kith::cli
