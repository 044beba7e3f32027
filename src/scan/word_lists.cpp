#include "scan/word_lists.h"

#include <algorithm>
#include <array>

namespace kith::scan {
namespace {

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Sorted, so that lookups are binary searches; a test checks the order.
constexpr std::array<std::string_view, 34> kSuffixes = {
    "ab",   "ag",   "as",     "b.v.", "bv",   "co",  "co.", "corp", "corp.", "corporation", "e.k.", "gbr",
    "gmbh", "inc",  "inc.",   "kg",   "llc",  "llp", "ltd", "ltd.", "nv",    "oy",          "plc",  "pty",
    "s.a.", "s.l.", "s.r.l.", "sa",   "sarl", "sas", "sl",  "spa",  "srl",   "ug"};

constexpr std::array<std::string_view, 52> kCompanyWords = {
    "agency",    "analytics", "associates", "atelier",     "ateliers",      "bank",         "brands",
    "capital",   "clinic",    "collective", "company",     "consulting",    "consultores",  "design",
    "designs",   "dynamics",  "energy",     "enterprises", "foods",         "foundation",   "group",
    "health",    "holdings",  "industries", "institute",   "international", "laboratories", "labs",
    "logistics", "media",     "network",    "networks",    "partners",      "pharma",       "productions",
    "realty",    "research",  "robotics",   "services",    "software",      "soluciones",   "solutions",
    "studio",    "studios",   "systems",    "tech",        "technologies",  "technology",   "ventures",
    "verlag",    "werke",     "works"};

constexpr std::array<std::string_view, 98> kTitleWords = {"account",
                                                          "accountant",
                                                          "administrator",
                                                          "adviser",
                                                          "advisor",
                                                          "agent",
                                                          "analyst",
                                                          "architect",
                                                          "art",
                                                          "assistant",
                                                          "associate",
                                                          "attorney",
                                                          "broker",
                                                          "business",
                                                          "ceo",
                                                          "cfo",
                                                          "chair",
                                                          "chef",
                                                          "cheffe",
                                                          "chief",
                                                          "cmo",
                                                          "coach",
                                                          "comercial",
                                                          "commercial",
                                                          "community",
                                                          "consultant",
                                                          "consultante",
                                                          "consultor",
                                                          "consultora",
                                                          "coo",
                                                          "coordinator",
                                                          "counsel",
                                                          "cto",
                                                          "data",
                                                          "designer",
                                                          "developer",
                                                          "development",
                                                          "directeur",
                                                          "director",
                                                          "directora",
                                                          "directrice",
                                                          "doctor",
                                                          "editor",
                                                          "engineer",
                                                          "executive",
                                                          "financier",
                                                          "founder",
                                                          "gerente",
                                                          "geschaftsfuhrer",
                                                          "geschaftsfuhrerin",
                                                          "head",
                                                          "ingeniera",
                                                          "ingeniero",
                                                          "ingenieur",
                                                          "ingenieure",
                                                          "intern",
                                                          "jefa",
                                                          "jefe",
                                                          "lawyer",
                                                          "lead",
                                                          "leader",
                                                          "leiter",
                                                          "leiterin",
                                                          "manager",
                                                          "managerin",
                                                          "managing",
                                                          "marketing",
                                                          "nurse",
                                                          "officer",
                                                          "operations",
                                                          "owner",
                                                          "partner",
                                                          "president",
                                                          "principal",
                                                          "product",
                                                          "professor",
                                                          "programmer",
                                                          "projektleiter",
                                                          "projektleiterin",
                                                          "projet",
                                                          "recruiter",
                                                          "representative",
                                                          "researcher",
                                                          "responsable",
                                                          "sales",
                                                          "scientist",
                                                          "secretary",
                                                          "senior",
                                                          "specialist",
                                                          "strategist",
                                                          "talent",
                                                          "teacher",
                                                          "trainer",
                                                          "treasurer",
                                                          "ux",
                                                          "vice",
                                                          "vp",
                                                          "writer"};

constexpr std::array<std::string_view, 190> kGivenNames = {
    "aaliyah", "abdul",     "ada",      "adam",      "adebayo",   "adriana",  "ahmed",     "aisha",
    "akira",   "alejandro", "alex",     "alexander", "alice",     "amara",    "amelia",    "amina",
    "amir",    "ana",       "anais",    "andre",     "andrea",    "andres",   "andrew",    "angel",
    "angela",  "anna",      "anne",     "antoine",   "antonio",   "arjun",    "aurelien",  "beatriz",
    "begona",  "ben",       "bjorn",    "camille",   "carlos",    "carmen",   "catherine", "charlotte",
    "chen",    "chiara",    "chinedu",  "chloe",     "chris",     "claire",   "daniel",    "david",
    "diego",   "dorte",     "elena",    "elif",      "elodie",    "emily",    "emma",      "eric",
    "esther",  "fatima",    "felix",    "fernando",  "francois",  "frank",    "gabriel",   "grace",
    "greta",   "gunter",    "hana",     "hannah",    "hans",      "haruto",   "helene",    "hiroshi",
    "hugo",    "ibrahim",   "ines",     "ingrid",    "inigo",     "isabel",   "isabella",  "ivan",
    "jack",    "james",     "jan",      "javier",    "jean",      "jennifer", "jerome",    "jessica",
    "joao",    "joel",      "johannes", "john",      "jorg",      "jorge",    "jose",      "joseph",
    "juan",    "julia",     "julien",   "jurgen",    "karim",     "karl",     "kenji",     "klaus",
    "kofi",    "kwame",     "lara",     "laura",     "lea",       "leila",    "leon",      "liam",
    "lina",    "linda",     "lucas",    "lucia",     "luis",      "lukas",    "mael",      "maria",
    "mariam",  "marie",     "mario",    "mark",      "martin",    "mateo",    "matteo",    "matthaus",
    "mei",     "michael",   "miguel",   "mohammed",  "monika",    "nadia",    "natalia",   "ngozi",
    "nicolas", "noah",      "noemie",   "nora",      "olga",      "oliver",   "olivia",    "oluwaseun",
    "omar",    "pablo",     "patricia", "paul",      "pedro",     "peter",    "pierre",    "priya",
    "rahul",   "rania",     "raul",     "renee",     "ricardo",   "robert",   "rosa",      "ryan",
    "sakura",  "samuel",    "sara",     "sarah",     "sebastian", "sergio",   "sofia",     "sophie",
    "stefan",  "susanne",   "sven",     "tanaka",    "thomas",    "tobias",   "tomas",     "tunde",
    "uwe",     "valentina", "victor",   "wei",       "william",   "wolfgang", "xavier",    "yara",
    "yasmin",  "yuki",      "yusuf",    "zainab",    "zoe",       "zofia"};

struct Spelling {
  std::string_view folded;
  std::string_view name;
};
constexpr std::array<Spelling, 70> kAccentedFamilyNames = {
    {{"alvarez", "Álvarez"},     {"backer", "Bäcker"},       {"belanger", "Bélanger"},
     {"benitez", "Benítez"},     {"beranger", "Béranger"},   {"berube", "Bérubé"},
     {"bezier", "Bézier"},       {"bohm", "Böhm"},           {"bronte", "Brontë"},
     {"chatelain", "Châtelain"}, {"chavez", "Chávez"},       {"cortes", "Cortés"},
     {"cote", "Côté"},           {"diaz", "Díaz"},           {"dominguez", "Domínguez"},
     {"dupre", "Dupré"},         {"fernandez", "Fernández"}, {"fevre", "Fèvre"},
     {"fuchss", "Fuchß"},        {"gagne", "Gagné"},         {"garcia", "García"},
     {"gerard", "Gérard"},       {"gomez", "Gómez"},         {"gonzalez", "González"},
     {"gross", "Groß"},          {"grossmann", "Großmann"},  {"gunther", "Günther"},
     {"gutierrez", "Gutiérrez"}, {"hebert", "Hébert"},       {"hernandez", "Hernández"},
     {"holzel", "Hölzel"},       {"ibanez", "Ibáñez"},       {"jager", "Jäger"},
     {"jimenez", "Jiménez"},     {"kohler", "Köhler"},       {"koster", "Köster"},
     {"kruger", "Krüger"},       {"lefebvre", "Lefèbvre"},   {"lefevre", "Lefèvre"},
     {"legare", "Légaré"},       {"lemaitre", "Lemaître"},   {"leveque", "Lévêque"},
     {"lopez", "López"},         {"mader", "Mäder"},         {"marquez", "Márquez"},
     {"martin", "Martín"},       {"martinez", "Martínez"},   {"mendez", "Méndez"},
     {"merel", "Mérel"},         {"moller", "Möller"},       {"muller", "Müller"},
     {"munoz", "Muñoz"},         {"nunez", "Núñez"},         {"ordonez", "Ordóñez"},
     {"pena", "Peña"},           {"perez", "Pérez"},         {"ramirez", "Ramírez"},
     {"riviere", "Rivière"},     {"rodriguez", "Rodríguez"}, {"ruben", "Rubén"},
     {"sanchez", "Sánchez"},     {"schafer", "Schäfer"},     {"schroder", "Schröder"},
     {"schutz", "Schütz"},       {"seguin", "Séguin"},       {"strauss", "Strauß"},
     {"suarez", "Suárez"},       {"therese", "Thérèse"},     {"vazquez", "Vázquez"},
     {"weiss", "Weiß"}}};

}  // namespace

std::string_view AccentedFamilyName(std::string_view folded) {
  const auto found =
      std::lower_bound(kAccentedFamilyNames.begin(), kAccentedFamilyNames.end(), folded,
                       [](const Spelling& entry, std::string_view key) { return entry.folded < key; });
  if (found == kAccentedFamilyNames.end() || found->folded != folded) return {};
  return found->name;
}

bool IsCompanySuffix(std::string_view word) { return Contains(kSuffixes, word); }
bool IsCompanyWord(std::string_view word) { return Contains(kCompanyWords, word); }
bool IsTitleWord(std::string_view word) { return Contains(kTitleWords, word); }
bool IsGivenName(std::string_view word) { return Contains(kGivenNames, word); }

}  // namespace kith::scan
