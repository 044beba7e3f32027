// The word pools the demo generator draws from: names from many cultures,
// cities, companies, titles, skills and the sentences notes are made of.
// Pools are ordered from common to rare where frequency matters (names), so a
// generator that favours the start of a pool gives realistic name frequencies.
#pragma once

#include <cstddef>
#include <iterator>
#include <span>
#include <string_view>

namespace kith::demo {

using Pool = std::span<const std::string_view>;

// People who share naming habits. Female and male family pools are the same
// pool except where surnames agree with gender (Kowalska/Kowalski, Petrova).
struct Culture {
  Pool female_given;
  Pool male_given;
  Pool female_family;
  Pool male_family;
  Pool female_middle = {};  // Vietnamese "Thị", written between family and given
  Pool male_middle = {};
  Pool hometowns;
  std::string_view countries;     // ISO codes of the cities they live in at home: "US GB"
  std::string_view mail_domain;   // a personal mail provider popular at home
  int family_first_percent = 0;   // how often the name is written family first
  int double_family_percent = 0;  // Spanish and Portuguese double surnames
  bool latin = true;              // false: the name is in another script
  bool joined = false;            // 王伟, 김민준: family and given written together
  int weight = 0;                 // share of the population, in parts per ~thousand
};

struct City {
  std::string_view name;
  std::string_view country;        // ISO code, matched against Culture::countries
  std::string_view phone_pattern;  // '#' stands for a digit: "+1 312 555 01##"
  Pool neighborhoods = {};
};

struct Company {
  std::string_view name;
  std::string_view domain;
};

// A line of work: where people work, what they are called there, and what
// they are good at. The first `technical_titles` titles write code.
struct Sector {
  std::span<const Company> companies;
  Pool titles;
  std::size_t technical_titles = 0;
  Pool skills;
  int weight = 0;
};

enum class EventKind { kNone, kConference, kMeetup, kSocial };

struct HowMet {
  std::string_view text;
  EventKind event = EventKind::kNone;  // what kind of event `met_at` names
};

std::span<const Culture> Cultures();
std::span<const City> Cities();  // Cities()[0] is where the network's owner lives
std::span<const Sector> Sectors();
std::size_t BusinessSector();  // the sector whose titles exist in every sector

Pool GeneralSkills();  // skills people have whatever their work

// The smaller pools are defined here, so their sizes are known where they are
// used. They are packed by hand, as in sample_pools.cpp.
// clang-format off
// First, what people are tagged with, care about, and how they came into the network.

inline constexpr std::string_view kTags[] = {"mentor", "mentee", "investor", "friend",
    "close friend", "client", "former client", "recruiter", "alumni", "design", "climbing",
    "colleague", "ex-colleague", "family", "neighbor", "founder", "speaker", "press", "advisor",
    "board", "vendor", "partner", "hiring", "candidate", "volunteer", "community", "conference",
    "book club", "running", "chess", "parent", "hackathon", "podcast", "coworking", "angel",
    "nonprofit", "open source", "remote", "grad school", "follow up"};
inline constexpr std::string_view kInterests[] = {"climbing", "jazz", "sourdough", "chess",
    "cycling", "running", "yoga", "photography", "hiking", "birdwatching", "board games",
    "gardening", "pottery", "surfing", "skiing", "swimming", "tennis", "basketball", "soccer",
    "cricket", "baseball", "marathons", "bouldering", "kayaking", "sailing", "fly fishing",
    "camping", "woodworking", "knitting", "film", "documentaries", "science fiction", "poetry",
    "podcasts", "opera", "classical music", "hip-hop", "salsa dancing", "tango", "K-pop", "anime",
    "video games", "crossword puzzles", "baking", "coffee", "tea", "natural wine", "craft beer",
    "cocktails", "cooking", "ramen", "barbecue", "vegan cooking", "urban sketching", "painting",
    "calligraphy", "astronomy", "history", "philosophy", "economics", "architecture",
    "urban planning", "public transit", "travel", "languages", "volunteering", "theater",
    "stand-up comedy", "improv", "vinyl records", "guitar", "piano", "drumming", "choir",
    "bikepacking", "meditation", "Formula 1", "rowing", "triathlon", "dogs", "houseplants",
    "football"};
inline constexpr std::string_view kPersonalMailDomains[] = {"gmail.com", "gmail.com", "gmail.com",
    "gmail.com", "gmail.com", "gmail.com", "outlook.com", "outlook.com", "icloud.com", "icloud.com",
    "yahoo.com", "proton.me", "hotmail.com", "fastmail.com", "hey.com", "example.com",
    "mail.example.org"};
inline constexpr HowMet kHowMet[] = {{"conference hallway", EventKind::kConference},
    {"spoke on the same panel", EventKind::kConference},
    {"sat together at a conference talk", EventKind::kConference},
    {"conference after-party", EventKind::kConference},
    {"stopped by our booth", EventKind::kConference}, {"conference dinner", EventKind::kConference},
    {"meetup", EventKind::kMeetup}, {"after a meetup talk", EventKind::kMeetup},
    {"hackathon teammates", EventKind::kMeetup}, {"workshop", EventKind::kMeetup},
    {"breakfast networking", EventKind::kMeetup}, {"intro from a friend", EventKind::kSocial},
    {"friend of a friend", EventKind::kSocial}, {"through mutual friends", EventKind::kSocial},
    {"at a party", EventKind::kSocial}, {"sat next to each other at dinner", EventKind::kSocial},
    {"introduced by my partner", EventKind::kSocial}, {"met through family", EventKind::kSocial},
    {"LinkedIn message", EventKind::kNone}, {"cold email", EventKind::kNone},
    {"worked together", EventKind::kNone}, {"college", EventKind::kNone},
    {"grad school", EventKind::kNone}, {"intro from a colleague", EventKind::kNone},
    {"recruiter outreach", EventKind::kNone}, {"online community", EventKind::kNone},
    {"coworking space", EventKind::kNone}, {"volunteering together", EventKind::kNone}};
// Written with the year of the meeting: "PyCon US 2024".
inline constexpr std::string_view kConferences[] = {"PyCon US", "Web Summit", "RailsConf",
    "KubeCon", "CppCon", "SXSW", "Collision", "Grace Hopper Celebration", "NeurIPS", "re:Invent",
    "Config", "Money20/20", "TechCrunch Disrupt", "GDC", "Slush", "VivaTech", "JSConf EU",
    "Nonprofit Technology Conference", "HIMSS", "ISTE Live", "Chicago Ideas Week", "DevFest Lagos",
    "Africa Tech Summit", "EuroPython", "Open Source Summit", "PyData Berlin", "RustConf",
    "Design Week Mexico"};
inline constexpr std::string_view kMeetups[] = {"Chicago Tech Meetup", "ChiPy meetup",
    "Product Tank Chicago", "Design Drinks", "the Rust meetup", "a founders' breakfast",
    "Startup Grind Chicago", "Hacks/Hackers night", "Climate Tech Happy Hour",
    "Nonprofit Leaders Lunch", "Data Science Chicago", "a UX book club", "Lagos Devs Meetup",
    "Bengaluru Product Circle", "Berlin Tech Breakfast", "Women in Data night"};
inline constexpr std::string_view kSocialEvents[] = {"a friend's wedding", "a dinner party",
    "the neighborhood block party", "a birthday dinner", "the school fundraiser", "a climbing gym",
    "a coworking open house", "a gallery opening", "a Friendsgiving", "a book launch",
    "the marathon expo", "a housewarming", "a volunteer day", "a jazz night"};

// Sentences notes are assembled from. Slots in braces are filled from the
// person ({their}, {interest}, {here} = their city) or from the pools
// ({city}, {company}, {friend} = someone else's name). Enough of them that a
// word like "coffee" or "intro" is common in notes but far from universal.
inline constexpr std::string_view kNoteTemplates[] = {
    "Met at {event}; talked about {interest} and {their} move to {neighborhood}.",
    "Wants an intro to {a_title} at {company}.",
    "{Their} {kid} starts university in {city} next fall.",
    "Mentioned coffee in the {season}.",
    "Grabbed coffee near {neighborhood}; {they} recommended a great {food} place.",
    "Introduced by {friend}, who worked with {them} at {company}.",
    "Follow up about the article on {topic} {they} mentioned.",
    "Huge {interest} fan; ask about the trip to {city}.",
    "Promised to send {them} the slides from my talk on {skill}.",
    "Offered to review {their} resume for {own_title} roles.",
    "Could be a good speaker for the next meetup on {skill}.",
    "We sat next to each other at {event} and swapped notes on {topic}.",
    "Asked for advice on {topic}; I said I would intro {them} to {friend}.",
    "{They} moved from {hometown} to {here} a few years ago.",
    "Send congratulations: {they} just started at {own_company}.",
    "Allergic to peanuts, so remember that for the dinner in {month}.",
    "Prefers texts to email and is slow to reply in {month}.",
    "Runs a small {interest} group on weekends.",
    "Good mentor for {friend}, who is moving into {skill}.",
    "Knows everyone in the {here} {skill} scene.",
    "Spoke on a panel about {topic} at {event}.",
    "Looking for a co-founder with {skill} experience.",
    "Was hiring {a_title} last time we talked.",
    "Met {their} partner {friend} at the same dinner.",
    "Owes me a book recommendation on {topic}.",
    "Lent {them} my copy of a book about {interest}.",
    "Great conversation about {topic} over coffee.",
    "Training for a half marathon in {city} in {month}.",
    "Check in after {their} parental leave ends in {month}.",
    "Curious about angel investing; asked how I got started.",
    "Has two kids and a dog named {pet}.",
    "Grew up in {hometown}; still visits family every {season}.",
    "Introduced me to {friend} at {company}, which led to a project on {skill}.",
    "Quiet at first, but very sharp on {skill}.",
    "Recommended the best {food} place in {neighborhood}.",
    "Wants to run a workshop on {skill} together.",
    "Asked about our hiring process and might apply for {a_title} role.",
    "Follow up next {season} about speaking at the conference.",
    "Invite to the next dinner; {they} enjoyed the last one.",
    "Volunteers with a youth {interest} club.",
    "Thinking about leaving {own_company} to go independent.",
    "Sent a thank-you note after the intro to {friend}.",
    "Keen on {interest}; suggested we go together in {month}.",
    "Former colleague from {company}; we worked on {skill} together.",
    "Call before {their} birthday in {month}.",
    "Speaks {language} at home.",
    "Learning {language} before a trip to {city}.",
    "Very responsive on LinkedIn, less so on email.",
    "Talked about {topic} and how {their} team handles {skill}.",
    "Good person to ask about {here} if I ever move there.",
    "Recently promoted to {own_title}.",
    "Just back from a sabbatical in {city}.",
    "Coffee in {month}: follow up about the intro to {friend}.",
    "Met at a conference in {city}; we swapped numbers in the hallway.",
    "{They} sent a long, thoughtful email after the conference.",
    "Ask how the move to {neighborhood} went.",
};
static_assert(std::size(kNoteTemplates) >= 40);

inline constexpr std::string_view kLookingForTemplates[] = {
    "staff engineering roles in {here}", "board seats", "seed funding for a climate startup",
    "a co-founder with {skill} experience", "part-time advisory work", "remote {own_title} roles",
    "{own_title} roles in {city}", "freelance {skill} projects", "teaching opportunities",
    "speaking slots at conferences", "a mentor in {skill}", "a move into product management",
    "nonprofit board roles", "a research sabbatical", "contract work, about 20 hours a week",
    "introductions to investors", "a role closer to family in {hometown}",
    "clients for a new consultancy", "a job that sponsors visas",
    "a return to work after parental leave", "fractional CFO work", "a first job in {skill}"};

// Words for the slots of the sentences above.
inline constexpr std::string_view kTopics[] = {"remote work", "open-source funding",
    "hiring juniors", "the housing market", "AI regulation", "climate tech", "burnout",
    "four-day weeks", "product pricing", "developer tooling", "school choice",
    "public transit funding", "carbon accounting", "community health", "early-stage fundraising",
    "managing up",
    "career switches", "city politics", "data privacy", "immigration paperwork", "parental leave",
    "board governance", "the creator economy", "supply chains", "mentorship programs",
    "vector databases", "nurse staffing", "grant deadlines", "quantum computing"};
inline constexpr std::string_view kFoods[] = {"ramen", "taco", "dim sum", "pho", "jollof",
    "falafel", "pierogi", "pizza", "sushi", "biryani", "Ethiopian", "Korean barbecue", "tapas",
    "dumpling", "khachapuri", "mole"};
inline constexpr std::string_view kPets[] = {"Biscuit", "Mochi", "Luna", "Pepper", "Olive", "Max",
    "Kiwi", "Tofu", "Nala", "Bruno", "Pixel", "Ziggy"};
inline constexpr std::string_view kLanguages[] = {"Spanish", "Portuguese", "Mandarin", "French",
    "German", "Japanese", "Korean", "Arabic", "Hindi", "Swahili", "Yoruba", "Polish", "Turkish",
    "Italian", "Vietnamese", "Greek", "Hungarian", "Czech", "Igbo", "Tamil", "Hebrew"};
inline constexpr std::string_view kSeasons[] = {"spring", "summer", "fall", "winter"};
inline constexpr std::string_view kMonths[] = {"January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December"};
inline constexpr std::string_view kKids[] = {"daughter", "son", "oldest", "youngest", "kid"};
inline constexpr std::string_view kPersonalTlds[] = {".com", ".dev", ".me", ".io", ".net"};

// clang-format on

}  // namespace kith::demo
