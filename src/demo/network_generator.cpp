#include "demo/network_generator.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "demo/sample_pools.h"

namespace kith::demo {
namespace {

using SV = std::string_view;

// Buckets that count how often each address name ("maria.garcia") has been
// given out. Names that share a bucket only get larger numbers, never a
// repeated address. 64K buckets (256 KB) keep numbers rare in a network of a
// few thousand people and short at a million; a power of two, so a mask
// picks the bucket.
constexpr std::size_t kEmailBuckets = std::size_t{1} << 16;

struct Pronouns {
  SV subject, object, possessive, subject_capital, possessive_capital;
};
constexpr Pronouns kShe{"she", "her", "her", "She", "Her"};
constexpr Pronouns kHe{"he", "him", "his", "He", "His"};
constexpr Pronouns kThey{"they", "them", "their", "They", "Their"};

// Latin letters with diacritics and the ASCII they fold to.
struct FoldRange {
  char32_t first;
  char32_t last;
  SV ascii;
};
constexpr FoldRange kFoldRanges[] = {
    {0xC0, 0xC5, "a"},     {0xC6, 0xC6, "ae"},    {0xC7, 0xC7, "c"},     {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},     {0xD0, 0xD0, "d"},     {0xD1, 0xD1, "n"},     {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"},     {0xD9, 0xDC, "u"},     {0xDD, 0xDD, "y"},     {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},    {0xE0, 0xE5, "a"},     {0xE6, 0xE6, "ae"},    {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},     {0xEC, 0xEF, "i"},     {0xF0, 0xF0, "d"},     {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},     {0xF8, 0xF8, "o"},     {0xF9, 0xFC, "u"},     {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},    {0xFF, 0xFF, "y"},     {0x100, 0x105, "a"},   {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"},   {0x112, 0x11B, "e"},   {0x11C, 0x123, "g"},   {0x124, 0x127, "h"},
    {0x128, 0x131, "i"},   {0x132, 0x133, "ij"},  {0x134, 0x135, "j"},   {0x136, 0x138, "k"},
    {0x139, 0x142, "l"},   {0x143, 0x14B, "n"},   {0x14C, 0x151, "o"},   {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"},   {0x15A, 0x161, "s"},   {0x162, 0x167, "t"},   {0x168, 0x173, "u"},
    {0x174, 0x175, "w"},   {0x176, 0x178, "y"},   {0x179, 0x17E, "z"},   {0x17F, 0x17F, "s"},
    {0x1A0, 0x1A1, "o"},   {0x1AF, 0x1B0, "u"},   {0x218, 0x219, "s"},   {0x21A, 0x21B, "t"},
    {0x1EA0, 0x1EB7, "a"}, {0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"}, {0x1ECC, 0x1EE3, "o"},
    {0x1EE4, 0x1EF1, "u"}, {0x1EF2, 0x1EF9, "y"}};

// The next code point of `text` at `position`, which it advances. A malformed
// byte comes back as itself, which later folds to nothing.
char32_t DecodeUtf8(SV text, std::size_t& position) {
  constexpr char32_t kLeadBits[] = {0xFF, 0x1F, 0x0F, 0x07};
  const auto lead = static_cast<unsigned char>(text[position++]);
  const int continuation = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t code_point = lead & kLeadBits[continuation];
  for (int i = 0; i < continuation && position < text.size(); ++i) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[position++]) & 0x3Fu);
  }
  return code_point;
}

// Appends the letters and digits of `name` in lower-case ASCII, diacritics
// removed (Núñez -> nunez, Łukasz -> lukasz, Nguyễn -> nguyen); spaces,
// hyphens and apostrophes are dropped. Returns false when the name has
// letters outside the Latin script, which have no spelling-free ASCII form.
bool AppendAsciiFold(SV name, std::string& out) {
  for (std::size_t position = 0; position < name.size();) {
    const char32_t c = DecodeUtf8(name, position);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out += static_cast<char>(c);
      }
      continue;
    }
    bool folded = false;
    for (const FoldRange& range : kFoldRanges) {
      if (c >= range.first && c <= range.last) {
        out += range.ascii;
        folded = true;
        break;
      }
    }
    if (folded) continue;
    // Combining marks and punctuation (’) carry no letter; other scripts do.
    const bool markless = (c >= 0x300 && c <= 0x36F) || (c >= 0x2000 && c <= 0x206F);
    const bool latin_block = c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);
    if (!markless && !latin_block) return false;
  }
  return true;
}

std::uint64_t Hash(SV text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

void AppendHex(std::uint64_t value, int digits, std::string& out) {
  constexpr SV kHexDigits = "0123456789abcdef";
  for (int i = 0; i < digits; ++i) out += kHexDigits[(value >> (4 * i)) & 0xF];
}

template <typename Range>
const auto& Pick(Random& random, const Range& pool) {
  return pool[random.Below(std::size(pool))];
}

// How many things a person has of a kind: `percents[n]` is the chance of n.
template <std::size_t kCount>
std::size_t PickCount(Random& random, const std::array<std::uint32_t, kCount>& percents) {
  std::uint32_t roll = random.Below(100);
  for (std::size_t count = 0; count + 1 < kCount; ++count) {
    if (roll < percents[count]) return count;
    roll -= percents[count];
  }
  return kCount - 1;
}

template <typename Item>
std::size_t PickWeighted(Random& random, std::span<const Item> items, int total_weight) {
  auto roll = static_cast<int>(random.Below(static_cast<std::size_t>(total_weight)));
  for (std::size_t i = 0; i < items.size(); ++i) {
    roll -= items[i].weight;
    if (roll < 0) return i;
  }
  return items.size() - 1;
}

std::size_t WordCount(SV sentence) {
  return 1 + static_cast<std::size_t>(std::count(sentence.begin(), sentence.end(), ' '));
}

// Adds up to `count` different items from `pool` (fewer if picks keep repeating).
void AddDistinct(Random& random, Pool pool, std::size_t count, std::vector<std::string>& out) {
  out.reserve(count);
  for (std::size_t attempt = 0; out.size() < count && attempt < count * 4; ++attempt) {
    const SV item = Pick(random, pool);
    if (std::find(out.begin(), out.end(), item) == out.end()) out.emplace_back(item);
  }
}

// What is worked out once from the pools and shared by every generator.
struct Tables {
  int culture_weight = 0;
  int sector_weight = 0;
  std::vector<std::vector<std::size_t>> home_cities;  // per culture, indices into Cities()
  std::array<std::vector<std::size_t>, 4> how_met_by_kind;
};

const Tables& SharedTables() {
  static const Tables tables = [] {
    Tables built;
    for (const Culture& culture : Cultures()) {
      built.culture_weight += culture.weight;
      auto& homes = built.home_cities.emplace_back();
      for (std::size_t i = 0; i < Cities().size(); ++i) {
        if (culture.countries.find(Cities()[i].country) != SV::npos) homes.push_back(i);
      }
    }
    for (const Sector& sector : Sectors()) built.sector_weight += sector.weight;
    for (std::size_t i = 0; i < std::size(kHowMet); ++i) {
      built.how_met_by_kind[static_cast<std::size_t>(kHowMet[i].event)].push_back(i);
    }
    return built;
  }();
  return tables;
}

// Makes one person. Choices made early (culture, line of work, city) steer
// the later ones, so a nurse in Lagos has health skills and a +234 number.
class PersonMaker {
 public:
  PersonMaker(Random& random, std::vector<std::uint32_t>& email_counts, std::uint64_t serial,
              const Date& today)
      : random_(random), email_counts_(email_counts), serial_(serial), today_(today) {}

  ContactFields Make() {
    ChooseName();
    ChooseWork();
    ChoosePlaces();
    ChooseHowWeMet();
    AddEmails();
    AddPhones();
    AddWebsiteAndLinks();
    AddTagsSkillsAndInterests();
    AddOpportunity();
    AddNotes();
    return std::move(fields_);
  }

 private:
  void ChooseName() {
    culture_index_ = PickWeighted(random_, Cultures(), tables_.culture_weight);
    const Culture& culture = Cultures()[culture_index_];
    const bool female = random_.Percent(50);
    pronouns_ = random_.Percent(3) ? &kThey : (female ? &kShe : &kHe);
    const Pool given_pool = female ? culture.female_given : culture.male_given;
    // Families mix: about one in ten carries a family name from another
    // culture ("Priya Okafor"), where the name is written given name first.
    const bool mixed = culture.latin && culture.family_first_percent == 0 && random_.Percent(10);
    const Culture& family_culture = mixed ? LatinCulture() : culture;
    const Pool family_pool = female ? family_culture.female_family : family_culture.male_family;
    const Pool middle_pool = female ? culture.female_middle : culture.male_middle;
    fields_.given_name = given_pool[random_.Skewed(given_pool.size())];
    // Some people are only known by one name ("Mohammed from the conference").
    if (!random_.Percent(2)) {
      fields_.family_name = family_pool[random_.Skewed(family_pool.size())];
      if (random_.Percent(static_cast<std::uint32_t>(culture.double_family_percent))) {
        const SV second = Pick(random_, family_pool);
        if (second != fields_.family_name) (fields_.family_name += ' ') += second;
      }
    }
    const SV middle = middle_pool.empty() ? SV{} : Pick(random_, middle_pool);
    const bool family_first = random_.Percent(static_cast<std::uint32_t>(culture.family_first_percent));
    std::string& display = fields_.display_name;
    if (fields_.family_name.empty()) {
      display = fields_.given_name;
    } else if (family_first) {
      display = fields_.family_name;
      if (!culture.joined) display += ' ';
      if (!middle.empty()) (display += middle) += ' ';
      display += fields_.given_name;
    } else {
      ((display = fields_.given_name) += ' ') += fields_.family_name;
    }
    ascii_name_ = culture.latin && AppendAsciiFold(fields_.given_name, given_ascii_) &&
                  AppendAsciiFold(fields_.family_name, family_ascii_) && !given_ascii_.empty();
  }

  const Culture& RandomCulture() {
    return Cultures()[PickWeighted(random_, Cultures(), tables_.culture_weight)];
  }

  const Culture& LatinCulture() {
    for (;;) {
      const Culture& culture = RandomCulture();
      if (culture.latin) return culture;
    }
  }

  void ChooseWork() {
    sector_ = &Sectors()[PickWeighted(random_, Sectors(), tables_.sector_weight)];
    if (!random_.Percent(8)) {
      const Company& company = Pick(random_, sector_->companies);
      fields_.company = company.name;
      company_domain_ = company.domain;
    }
    // Founders, recruiters and operations people work in every line of work.
    title_sector_ = random_.Percent(15) ? &Sectors()[BusinessSector()] : sector_;
    if (random_.Percent(3)) return;
    const std::size_t title = random_.Below(title_sector_->titles.size());
    fields_.title = title_sector_->titles[title];
    technical_ = title < title_sector_->technical_titles;
  }

  void ChoosePlaces() {
    const auto& homes = tables_.home_cities[culture_index_];
    const std::uint32_t roll = random_.Below(100);
    if (roll < 30) {
      city_ = &Cities()[0];  // the network's owner lives there
    } else if (roll < 60 && !homes.empty()) {
      city_ = &Cities()[Pick(random_, homes)];
    } else {
      city_ = &Pick(random_, Cities());
    }
    fields_.city = city_->name;
    if (!city_->neighborhoods.empty() && random_.Percent(70)) {
      fields_.neighborhood = Pick(random_, city_->neighborhoods);
    }
    if (random_.Percent(80)) {
      const SV hometown = Pick(random_, Cultures()[culture_index_].hometowns);
      if (hometown != fields_.city) fields_.hometown = hometown;
    }
  }

  void ChooseHowWeMet() {
    const std::uint32_t roll = random_.Below(100);
    const EventKind kind = roll < 30   ? EventKind::kConference
                           : roll < 52 ? EventKind::kMeetup
                           : roll < 77 ? EventKind::kSocial
                                       : EventKind::kNone;
    const auto& ways = tables_.how_met_by_kind[static_cast<std::size_t>(kind)];
    if (random_.Percent(92)) fields_.how_met = kHowMet[Pick(random_, ways)].text;
    if (random_.Percent(80)) {
      fields_.met_on = today_.AddDays(-static_cast<std::int64_t>(random_.Below(6 * 365 + 1)));
    }
    if (kind == EventKind::kConference) {
      fields_.met_at = Conference(fields_.met_on ? fields_.met_on->year : today_.year);
    } else if (kind == EventKind::kMeetup) {
      fields_.met_at = Pick(random_, kMeetups);
    } else if (kind == EventKind::kSocial && random_.Percent(80)) {
      fields_.met_at = Pick(random_, kSocialEvents);
    }
  }

  std::string Conference(int year) {
    std::string name(Pick(random_, kConferences));
    return (name += ' ') += std::to_string(year);
  }

  void AddEmails() {
    const std::size_t count = PickCount(random_, std::array<std::uint32_t, 3>{12, 70, 18});
    if (count == 0) return;
    const std::string local = LocalPart() + '@';
    const auto address = [&local](SV domain) {
      std::string email;
      email.reserve(local.size() + domain.size());
      (email += local) += domain;
      return email;
    };
    const SV first_personal = PersonalDomain();
    const bool work_first = !company_domain_.empty() && random_.Percent(55);
    fields_.emails.push_back(address(work_first ? company_domain_ : first_personal));
    if (count < 2) return;
    SV second = company_domain_;
    if (work_first || second.empty()) {
      second = PersonalDomain();
      if (second == first_personal) second = "proton.me";
      if (second == first_personal) second = "outlook.com";
    }
    fields_.emails.push_back(address(second));
  }

  // "maria.garcia", "mariagarcia2": the name, and a number when an earlier
  // person already has the same name part ("Ada Eze" and "Adaeze" both make
  // "adaeze"). Names in other scripts get a numbered address rather than a
  // guessed transliteration.
  std::string LocalPart() {
    if (!ascii_name_) return "user" + std::to_string(serial_);
    std::string local = given_ascii_;
    if (!family_ascii_.empty()) {
      const std::uint32_t roll = random_.Below(100);
      if (roll < 60) local += '.';
      if (roll >= 85) local += '_';
      local += family_ascii_;
    }
    const std::uint32_t earlier = email_counts_[Hash(local) & (kEmailBuckets - 1)]++;
    if (earlier > 0) local += std::to_string(earlier + 1);
    return local;
  }

  SV PersonalDomain() {
    if (random_.Percent(20)) return Cultures()[culture_index_].mail_domain;
    return Pick(random_, kPersonalMailDomains);
  }

  void AddPhones() {
    const std::size_t count = PickCount(random_, std::array<std::uint32_t, 3>{35, 50, 15});
    for (std::size_t i = 0; i < count; ++i) {
      std::string number(city_->phone_pattern);
      for (char& c : number) {
        if (c == '#') c = static_cast<char>('0' + random_.Below(10));
      }
      fields_.phones.push_back(Phone{.original = std::move(number), .e164 = {}});
    }
  }

  void AddWebsiteAndLinks() {
    if (random_.Percent(20)) {
      if (!company_domain_.empty() && random_.Percent(60)) {
        (fields_.website = "https://www.") += company_domain_;
      } else if (ascii_name_) {
        ((fields_.website = "https://") += given_ascii_) += family_ascii_;
        fields_.website += Pick(random_, kPersonalTlds);
      }
    }
    if (random_.Percent(60)) {
      Link& link = AddLink(LinkKind::kLinkedIn, "https://www.linkedin.com/in/", LinkedInSlug());
      link.connected = random_.Percent(70);
      if (link.connected && fields_.met_on && random_.Percent(60)) {
        link.connected_on = std::min(today_, fields_.met_on->AddDays(random_.Below(30)));
      }
    }
    if (random_.Percent(20)) {
      AddLink(LinkKind::kTwitter, "https://x.com/", Handle(15, '_')).followed = random_.Percent(55);
    }
    if (random_.Percent(technical_ ? 55 : 4)) {
      AddLink(LinkKind::kGitHub, "https://github.com/", Handle(39, '-')).followed = random_.Percent(35);
    }
    if (random_.Percent(5)) {
      AddLink(LinkKind::kInstagram, "https://www.instagram.com/", Handle(30, '.')).followed =
          random_.Percent(60);
    }
    if (random_.Percent(4)) {
      std::string path = ascii_name_ ? given_ascii_ : "profile";
      if (ascii_name_ && !family_ascii_.empty()) (path += '.') += family_ascii_;
      path += '.';
      AppendHex(random_.Next(), 5, path);
      AddLink(LinkKind::kFacebook, "https://www.facebook.com/", path).connected = random_.Percent(70);
    }
  }

  Link& AddLink(LinkKind kind, SV prefix, const std::string& path) {
    Link& link = fields_.links.emplace_back();
    link.kind = kind;
    link.url.reserve(prefix.size() + path.size());
    (link.url += prefix) += path;
    return link;
  }

  std::string LinkedInSlug() {
    std::string slug;
    if (ascii_name_) {
      slug = given_ascii_;
      if (!family_ascii_.empty()) (slug += '-') += family_ascii_;
      // LinkedIn numbers names that are taken. In a generated network of a
      // million, every common name is taken, and a profile URL must stay
      // one person's: imports and `kith dupes` recognise people by it.
      slug += '-';
    }
    AppendHex(random_.Next(), 8, slug);
    return slug;
  }

  // "anakowalska", "ana_k", "ana84": at most `limit` characters, with the
  // separator each network allows.
  std::string Handle(std::size_t limit, char separator) {
    std::string handle;
    if (!ascii_name_) {
      handle = "u";
      AppendHex(random_.Next(), 8, handle);
      return handle;
    }
    const std::uint32_t style = random_.Below(3);
    handle = given_ascii_;
    if (style == 0) handle += family_ascii_;
    if (style == 1 && !family_ascii_.empty()) (handle += separator) += family_ascii_.front();
    if (style == 2) handle += std::to_string(10 + random_.Below(90));
    // Handles are unique per network; four hex digits keep generated
    // namesakes apart (a shared handle would make them one person).
    std::string suffix;
    AppendHex(random_.Next(), 4, suffix);
    if (handle.size() + suffix.size() > limit) handle.resize(limit - suffix.size());
    return handle + suffix;
  }

  void AddTagsSkillsAndInterests() {
    AddDistinct(random_, kTags, PickCount(random_, std::array<std::uint32_t, 4>{30, 40, 20, 10}),
                fields_.tags);
    const std::size_t skills = PickCount(random_, std::array<std::uint32_t, 6>{20, 10, 20, 25, 15, 10});
    fields_.skills.reserve(skills);
    for (std::size_t i = 0; i < skills; ++i) {
      AddDistinct(random_, random_.Percent(75) ? title_sector_->skills : GeneralSkills(), i + 1,
                  fields_.skills);
    }
    AddDistinct(random_, kInterests, PickCount(random_, std::array<std::uint32_t, 5>{25, 20, 25, 18, 12}),
                fields_.interests);
  }

  void AddOpportunity() {
    if (!random_.Percent(12)) return;
    fields_.open_to_opportunities = true;
    Expand(Pick(random_, kLookingForTemplates), fields_.looking_for);
    fields_.open_since = today_.AddDays(-static_cast<std::int64_t>(random_.Below(366)));
  }

  // 1–4 different sentences, more when they are short, so notes run from about
  // 15 to 80 words.
  void AddNotes() {
    if (random_.Percent(15)) return;
    const std::size_t wanted = 1 + PickCount(random_, std::array<std::uint32_t, 4>{15, 40, 30, 15});
    std::array<std::size_t, 5> used{};
    std::size_t sentences = 0;
    std::size_t words = 0;
    std::string& notes = fields_.notes;
    notes.reserve(400);
    while (sentences < wanted || (words < 15 && sentences < used.size())) {
      const std::size_t pick = random_.Below(std::size(kNoteTemplates));
      const auto end = used.begin() + static_cast<std::ptrdiff_t>(sentences);
      if (std::find(used.begin(), end, pick) != end) continue;
      used[sentences++] = pick;
      if (!notes.empty()) notes += ' ';
      const std::size_t start = notes.size();
      Expand(kNoteTemplates[pick], notes);
      words += WordCount(SV(notes).substr(start));
    }
  }

  // Copies `text` to `out`, filling each {slot}.
  void Expand(SV text, std::string& out) {
    while (!text.empty()) {
      const std::size_t open = text.find('{');
      out += text.substr(0, open);
      if (open == SV::npos) return;
      const std::size_t close = text.find('}', open);
      AppendSlot(text.substr(open + 1, close - open - 1), out);
      text.remove_prefix(close + 1);
      // "Contoso Ltd." ends the sentence itself.
      if (!text.empty() && text.front() == '.' && !out.empty() && out.back() == '.') {
        text.remove_prefix(1);
      }
    }
  }

  void AppendSlot(SV slot, std::string& out) {
    if (slot == "a_title") {
      AppendWithArticle(RandomTitle(), out);
    } else if (slot == "event" && fields_.met_at.empty()) {
      out += Conference(today_.year - static_cast<int>(random_.Below(3)));
    } else {
      out += SlotWord(slot);
    }
  }

  SV SlotWord(SV slot) {
    if (slot == "they") return pronouns_->subject;
    if (slot == "They") return pronouns_->subject_capital;
    if (slot == "them") return pronouns_->object;
    if (slot == "their") return pronouns_->possessive;
    if (slot == "Their") return pronouns_->possessive_capital;
    if (slot == "event") return fields_.met_at;
    if (slot == "here") return fields_.city;
    if (slot == "neighborhood") {
      return fields_.neighborhood.empty() ? fields_.city : fields_.neighborhood;
    }
    if (slot == "hometown") {
      if (!fields_.hometown.empty()) return fields_.hometown;
      return Pick(random_, Cultures()[culture_index_].hometowns);
    }
    if (slot == "own_title") return fields_.title.empty() ? RandomTitle() : SV(fields_.title);
    if (slot == "own_company") {
      return fields_.company.empty() ? Pick(random_, sector_->companies).name : SV(fields_.company);
    }
    if (slot == "interest") return OneOf(fields_.interests, kInterests);
    if (slot == "skill") return OneOf(fields_.skills, title_sector_->skills);
    if (slot == "city") return Pick(random_, Cities()).name;
    if (slot == "company") return Pick(random_, Pick(random_, Sectors()).companies).name;
    if (slot == "title") return RandomTitle();
    if (slot == "friend") return Friend();
    if (slot == "topic") return Pick(random_, kTopics);
    if (slot == "food") return Pick(random_, kFoods);
    if (slot == "pet") return Pick(random_, kPets);
    if (slot == "language") return Pick(random_, kLanguages);
    if (slot == "season") return Pick(random_, kSeasons);
    if (slot == "month") return Pick(random_, kMonths);
    if (slot == "kid") return Pick(random_, kKids);
    return slot;  // a typo in a template shows up in the text rather than vanishing
  }

  SV RandomTitle() { return Pick(random_, Pick(random_, Sectors()).titles); }

  SV OneOf(const std::vector<std::string>& own, Pool fallback) {
    return own.empty() ? Pick(random_, fallback) : SV(Pick(random_, own));
  }

  // Someone else in the network: a given name from any culture.
  SV Friend() {
    const Culture& culture = RandomCulture();
    const Pool pool = random_.Percent(50) ? culture.female_given : culture.male_given;
    return pool[random_.Skewed(pool.size())];
  }

  // "a Staff Engineer", "an Editor", "a UX Lead".
  static void AppendWithArticle(SV title, std::string& out) {
    const char first = title.empty() ? 'x' : title.front();
    out += (first == 'A' || first == 'E' || first == 'I' || first == 'O') ? "an " : "a ";
    out += title;
  }

  Random& random_;
  std::vector<std::uint32_t>& email_counts_;
  const std::uint64_t serial_;
  const Date today_;
  const Tables& tables_ = SharedTables();

  ContactFields fields_;
  std::size_t culture_index_ = 0;
  const Pronouns* pronouns_ = &kThey;
  std::string given_ascii_;
  std::string family_ascii_;
  bool ascii_name_ = false;
  const Sector* sector_ = nullptr;
  const Sector* title_sector_ = nullptr;
  SV company_domain_;
  bool technical_ = false;
  const City* city_ = nullptr;
};

}  // namespace

NetworkGenerator::NetworkGenerator(std::uint64_t seed) : random_(seed), email_counts_(kEmailBuckets, 0) {}

ContactFields NetworkGenerator::Next(const Date& today) {
  ++serial_;
  return PersonMaker(random_, email_counts_, serial_, today).Make();
}

EventFields NetworkGenerator::RecentEvent(const Date& today) {
  EventFields event;
  // A name no generated card uses as its "met at", so the event counts
  // only the people met there.
  event.name =
      std::string(Pick(random_, kConferences)) + ' ' + std::to_string(today.year) + " speakers' dinner";
  event.on = today.AddDays(-1);
  return event;
}

}  // namespace kith::demo
