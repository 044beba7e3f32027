#include "demo/sample_pools.h"

#include <iterator>

namespace kith::demo {
namespace {

using SV = std::string_view;

// The tables are packed by hand: clang-format would give each short name a
// column of its own and double the length of the file.
// clang-format off

// Names: each culture lists the most common names first.

constexpr SV kEnglishFemale[] = {"Mary", "Jennifer", "Sarah", "Emily", "Jessica", "Elizabeth",
    "Hannah", "Olivia", "Grace", "Megan", "Rachel", "Laura", "Kate", "Amanda", "Chloe", "Zoë",
    "Siobhan", "Joanna", "Ada"};
constexpr SV kEnglishMale[] = {"John", "James", "Michael", "David", "Robert", "William", "Thomas",
    "Daniel", "Matthew", "Joseph", "Christopher", "Andrew", "Ryan", "Brian", "Kevin", "Patrick",
    "Liam", "Seán"};
constexpr SV kEnglishFamily[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
    "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson",
    "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "O'Brien", "Murphy", "Kelly",
    "Campbell", "Stewart", "Bennett", "Johnston", "Ó Súilleabháin"};
constexpr SV kEnglishTowns[] = {"Peoria", "Naperville", "Grand Rapids", "Dayton", "Des Moines",
    "Leeds", "Bristol", "Cork", "Galway", "Halifax", "Brisbane", "Savannah", "Duluth",
    "Springfield", "Toledo", "Boise"};

constexpr SV kSpanishFemale[] = {"María", "Sofía", "Lucía", "Valentina", "Camila", "Isabel",
    "Carmen", "Ana", "Gabriela", "Daniela", "Inés", "Ximena"};
constexpr SV kSpanishMale[] = {"José", "Juan", "Carlos", "Luis", "Javier", "Miguel", "Alejandro",
    "Diego", "Andrés", "Mateo", "Jorge", "Santiago"};
constexpr SV kSpanishFamily[] = {"García", "Rodríguez", "Martínez", "Hernández", "López",
    "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Núñez", "Jiménez", "Ortiz",
    "Castillo", "Morales", "Vargas", "Mendoza", "Ruiz", "Peña", "de la Cruz", "Muñoz"};
constexpr SV kSpanishTowns[] = {"Guadalajara", "Monterrey", "Puebla", "Oaxaca", "Medellín", "Cali",
    "Sevilla", "Valencia", "Bilbao", "Córdoba", "Rosario", "Arequipa", "Valparaíso", "San Juan"};

constexpr SV kPortugueseFemale[] = {"Ana", "Beatriz", "Juliana", "Fernanda", "Larissa", "Mariana",
    "Letícia", "Luana", "Inês", "Conceição"};
constexpr SV kPortugueseMale[] = {"João", "Pedro", "Lucas", "Gabriel", "Rafael", "Thiago", "Bruno",
    "Felipe", "Gonçalo", "Vinícius"};
constexpr SV kPortugueseFamily[] = {"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa",
    "Rodrigues", "Almeida", "Nascimento", "Lima", "Araújo", "Ferreira", "Carvalho", "Gonçalves",
    "Magalhães"};
constexpr SV kPortugueseTowns[] = {"Belo Horizonte", "Curitiba", "Recife", "Porto Alegre",
    "Salvador", "Fortaleza", "Porto", "Coimbra", "Braga", "Florianópolis"};

constexpr SV kFrenchFemale[] = {"Camille", "Léa", "Chloé", "Manon", "Émilie", "Céline", "Margaux",
    "Anaïs", "Hélène", "Noémie"};
constexpr SV kFrenchMale[] = {"Jean", "Pierre", "Louis", "Hugo", "Théo", "Julien", "Antoine",
    "François", "Jean-Luc", "Jérôme"};
constexpr SV kFrenchFamily[] = {"Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau",
    "Laurent", "Girard", "Rousseau", "Fontaine", "Chevalier", "Côté", "Gauthier", "Bélanger"};
constexpr SV kFrenchTowns[] = {"Montpellier", "Marseille", "Toulouse", "Nantes", "Bordeaux",
    "Lille", "Québec", "Strasbourg", "Grenoble", "Dakar"};

constexpr SV kGermanFemale[] = {"Anna", "Lena", "Johanna", "Katharina", "Sophie", "Jana", "Annika",
    "Greta", "Franziska", "Lea"};
constexpr SV kGermanMale[] = {"Lukas", "Jonas", "Maximilian", "Felix", "Paul", "Jürgen", "Stefan",
    "Tobias", "Matthias", "Jörg", "Moritz"};
constexpr SV kGermanFamily[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
    "Wagner", "Becker", "Schulz", "Hoffmann", "Köhler", "Schäfer", "Krüger", "Böhm", "Weiß"};
constexpr SV kGermanTowns[] = {"Köln", "Leipzig", "Dresden", "Stuttgart", "Freiburg", "Graz",
    "Salzburg", "Basel", "Bremen", "Nürnberg"};

constexpr SV kItalianFemale[] = {"Giulia", "Chiara", "Francesca", "Martina", "Alessia", "Elena"};
constexpr SV kItalianMale[] = {"Marco", "Luca", "Matteo", "Giovanni", "Alessandro", "Niccolò"};
constexpr SV kItalianFamily[] = {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
    "Colombo", "Ricci", "Marino", "De Luca"};
constexpr SV kItalianTowns[] = {"Bologna", "Torino", "Napoli", "Firenze", "Palermo", "Verona"};

constexpr SV kNordicFemale[] = {"Ingrid", "Astrid", "Freja", "Sigrid", "Maja", "Linnéa", "Sofie",
    "Åsa"};
constexpr SV kNordicMale[] = {"Søren", "Lars", "Erik", "Magnus", "Anders", "Bjørn", "Mikkel",
    "Håkon"};
constexpr SV kNordicFamily[] = {"Andersen", "Johansson", "Nielsen", "Hansen", "Lindqvist",
    "Jørgensen", "Bergström", "Sørensen", "Åberg", "Nyström", "Lindgren", "Halvorsen", "Virtanen"};
constexpr SV kNordicTowns[] = {"Aarhus", "Odense", "Göteborg", "Malmö", "Uppsala", "Bergen",
    "Trondheim", "Tromsø", "Tampere"};

constexpr SV kPolishFemale[] = {"Agnieszka", "Katarzyna", "Małgorzata", "Zofia", "Joanna",
    "Magdalena", "Aleksandra"};
constexpr SV kPolishMale[] = {"Łukasz", "Piotr", "Paweł", "Michał", "Krzysztof", "Tomasz",
    "Wojciech", "Jakub"};
constexpr SV kPolishFamilyFemale[] = {"Kowalska", "Nowak", "Wiśniewska", "Wójcik", "Kamińska",
    "Lewandowska", "Zielińska", "Szymańska", "Dąbrowska", "Woźniak"};
constexpr SV kPolishFamilyMale[] = {"Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński",
    "Lewandowski", "Zieliński", "Szymański", "Dąbrowski", "Woźniak"};
constexpr SV kPolishTowns[] = {"Gdańsk", "Wrocław", "Poznań", "Łódź", "Lublin", "Toruń"};

constexpr SV kCzechFemale[] = {"Tereza", "Kateřina", "Lucie", "Veronika", "Eliška", "Petra"};
constexpr SV kCzechMale[] = {"Jiří", "Tomáš", "Jan", "Petr", "Ondřej", "Vojtěch"};
constexpr SV kCzechFamilyFemale[] = {"Nováková", "Dvořáková", "Svobodová", "Černá", "Procházková",
    "Kučerová", "Veselá", "Horáková"};
constexpr SV kCzechFamilyMale[] = {"Novák", "Dvořák", "Svoboda", "Černý", "Procházka", "Kučera",
    "Veselý", "Horák"};
constexpr SV kCzechTowns[] = {"Brno", "Ostrava", "Plzeň", "Olomouc", "České Budějovice"};

constexpr SV kHungarianFemale[] = {"Zsófia", "Eszter", "Réka", "Katalin", "Dóra", "Anna"};
constexpr SV kHungarianMale[] = {"László", "Gábor", "Bence", "Zoltán", "Ádám", "Péter", "Balázs"};
constexpr SV kHungarianFamily[] = {"Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss",
    "Molnár", "Németh", "Farkas"};
constexpr SV kHungarianTowns[] = {"Debrecen", "Szeged", "Pécs", "Győr", "Miskolc", "Eger"};

constexpr SV kTurkishFemale[] = {"Elif", "Zeynep", "Ayşe", "Fatma", "Merve", "Büşra", "Selin",
    "Özge"};
constexpr SV kTurkishMale[] = {"Mehmet", "Mustafa", "Ömer", "Emre", "Burak", "Can", "Oğuz", "Barış",
    "Çağlar"};
constexpr SV kTurkishFamily[] = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk",
    "Aydın", "Arslan", "Doğan", "Koç", "Güneş"};
constexpr SV kTurkishTowns[] = {"İzmir", "Ankara", "Bursa", "Antalya", "Eskişehir", "Trabzon"};

constexpr SV kNigerianFemale[] = {"Chiamaka", "Ngozi", "Adaeze", "Folake", "Funmilayo", "Yetunde",
    "Amaka", "Chioma", "Ifeoma", "Aisha", "Temitope", "Ada"};
constexpr SV kNigerianMale[] = {"Chinedu", "Emeka", "Oluwaseun", "Tunde", "Babatunde", "Obinna",
    "Chukwuemeka", "Femi", "Ikenna", "Kelechi", "Ibrahim"};
constexpr SV kNigerianFamily[] = {"Okafor", "Adeyemi", "Okonkwo", "Eze", "Nwosu", "Adebayo",
    "Ogunleye", "Balogun", "Obi", "Chukwu", "Okeke", "Bello", "Afolabi", "Abubakar", "Ọlárewájú"};
constexpr SV kNigerianTowns[] = {"Ibadan", "Enugu", "Port Harcourt", "Abeokuta", "Onitsha", "Kano",
    "Owerri", "Benin City"};

constexpr SV kKenyanFemale[] = {"Wanjiru", "Achieng", "Njeri", "Wambui", "Akinyi", "Nyambura",
    "Zawadi", "Amani"};
constexpr SV kKenyanMale[] = {"Kamau", "Otieno", "Kiprono", "Ochieng", "Baraka", "Juma", "Mwangi",
    "Kibet"};
constexpr SV kKenyanFamily[] = {"Mwangi", "Otieno", "Kamau", "Njoroge", "Ochieng", "Kariuki",
    "Odhiambo", "Mutua", "Kiplagat", "Wafula", "Chebet", "Kimani"};
constexpr SV kKenyanTowns[] = {"Kisumu", "Mombasa", "Nakuru", "Eldoret", "Nyeri", "Machakos"};

constexpr SV kIndianFemale[] = {"Priya", "Ananya", "Aditi", "Kavya", "Sneha", "Divya", "Pooja",
    "Lakshmi", "Meera", "Ishita", "Nandini"};
constexpr SV kIndianMale[] = {"Rahul", "Arjun", "Vikram", "Rohan", "Aditya", "Sanjay", "Rajesh",
    "Karthik", "Amit", "Siddharth", "Nikhil", "Mohammed"};
constexpr SV kIndianFamily[] = {"Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer",
    "Nair", "Mehta", "Rao", "Chatterjee", "Desai", "Joshi", "Krishnan", "Banerjee", "Menon",
    "Kapoor"};
constexpr SV kIndianTowns[] = {"Pune", "Chennai", "Kochi", "Jaipur", "Ahmedabad", "Kolkata",
    "Lucknow", "Mysuru", "Chandigarh"};

constexpr SV kChineseFemale[] = {"Mei", "Jing", "Yan", "Fang", "Xiaoling", "Yuxin", "Ling", "Hui",
    "Xiuying"};
constexpr SV kChineseMale[] = {"Wei", "Lei", "Jun", "Hao", "Tao", "Yong", "Jie", "Zhiwei",
    "Haoran"};
constexpr SV kChineseFamily[] = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
    "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Lin", "Guo", "Lü"};
constexpr SV kChineseTowns[] = {"Chengdu", "Hangzhou", "Wuhan", "Xi'an", "Nanjing", "Guangzhou",
    "Harbin", "Kunming", "Tianjin"};

constexpr SV kJapaneseFemale[] = {"Yuki", "Hanako", "Aiko", "Sakura", "Haruka", "Yui", "Misaki",
    "Naoko"};
constexpr SV kJapaneseMale[] = {"Hiroshi", "Takeshi", "Kenji", "Haruto", "Shōta", "Daisuke", "Ryō",
    "Yūta", "Takumi"};
constexpr SV kJapaneseFamily[] = {"Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō",
    "Yamamoto", "Nakamura", "Kobayashi", "Katō", "Yoshida", "Ōno"};
constexpr SV kJapaneseTowns[] = {"Sapporo", "Fukuoka", "Kyōto", "Nagoya", "Kōbe", "Sendai",
    "Hiroshima", "Yokohama"};

constexpr SV kKoreanFemale[] = {"Min-ji", "Seo-yeon", "Ji-woo", "Soo-jin", "Hye-jin", "Eun-ji",
    "Yuna"};
constexpr SV kKoreanMale[] = {"Min-jun", "Ji-hoon", "Seo-jun", "Hyun-woo", "Dong-hyun", "Jae-won",
    "Sung-min"};
constexpr SV kKoreanFamily[] = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang",
    "Lim", "Han", "Shin"};
constexpr SV kKoreanTowns[] = {"Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Jeonju"};

constexpr SV kVietnameseFemale[] = {"Lan", "Hương", "Mai", "Linh", "Thảo", "Ngọc", "Trang", "Hạnh"};
constexpr SV kVietnameseMale[] = {"Minh", "Dũng", "Tuấn", "Hùng", "Quang", "Phúc", "Khoa", "Long"};
constexpr SV kVietnameseFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
    "Võ", "Đặng", "Bùi", "Đỗ"};
constexpr SV kVietnameseMiddleFemale[] = {"Thị", "Ngọc", "Thu", "Minh"};
constexpr SV kVietnameseMiddleMale[] = {"Văn", "Đức", "Hữu", "Minh", "Quốc"};
constexpr SV kVietnameseTowns[] = {"Đà Nẵng", "Huế", "Hải Phòng", "Cần Thơ", "Nha Trang"};

constexpr SV kArabicFemale[] = {"Fatima", "Aisha", "Layla", "Mariam", "Noor", "Yasmin", "Huda",
    "Salma", "Rania"};
constexpr SV kArabicMale[] = {"Mohammed", "Muhammad", "Ahmed", "Omar", "Ali", "Hassan", "Youssef",
    "Khaled", "Karim", "Tariq", "Mahmoud"};
constexpr SV kArabicFamily[] = {"Haddad", "Khalil", "Mansour", "Nasser", "Hamdan", "El-Amin",
    "Saleh", "Abdullah", "Farouk", "Al-Rashid", "Ibrahim", "Aziz"};
constexpr SV kArabicTowns[] = {"Alexandria", "Irbid", "Beirut", "Casablanca", "Tunis", "Sharjah",
    "Muscat", "Doha", "Marrakesh"};

constexpr SV kRussianFemale[] = {"Anastasia", "Olga", "Natalia", "Ekaterina", "Irina", "Yulia",
    "Daria", "Svetlana"};
constexpr SV kRussianMale[] = {"Ivan", "Dmitry", "Sergei", "Alexei", "Mikhail", "Andrei", "Nikolai",
    "Pavel"};
constexpr SV kRussianFamilyFemale[] = {"Ivanova", "Petrova", "Smirnova", "Kuznetsova", "Popova",
    "Sokolova", "Volkova", "Morozova"};
constexpr SV kRussianFamilyMale[] = {"Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov",
    "Volkov", "Morozov"};
constexpr SV kRussianTowns[] = {"Saint Petersburg", "Kazan", "Novosibirsk", "Yekaterinburg",
    "Samara", "Nizhny Novgorod"};

constexpr SV kGreekFemale[] = {"Eleni", "Maria", "Katerina", "Sofia", "Dimitra", "Georgia", "Zoe"};
constexpr SV kGreekMale[] = {"Giorgos", "Nikos", "Dimitris", "Kostas", "Yannis", "Christos",
    "Alexandros"};
constexpr SV kGreekFamilyFemale[] = {"Papadopoulou", "Georgiou", "Nikolaidou", "Pappa",
    "Konstantinou", "Vlachou", "Dimitriou"};
constexpr SV kGreekFamilyMale[] = {"Papadopoulos", "Georgiou", "Nikolaidis", "Pappas",
    "Konstantinou", "Vlachos", "Dimitriou"};
constexpr SV kGreekTowns[] = {"Thessaloniki", "Patras", "Heraklion", "Larissa", "Volos"};

// Names as they are written at home, for people whose cards are not in Latin letters.
constexpr SV kHanziFemale[] = {"芳", "娜", "敏", "静", "婷", "丽华", "秀英", "雪"};
constexpr SV kHanziMale[] = {"伟", "磊", "洋", "强", "晓明", "建国", "浩然", "志强"};
constexpr SV kHanziFamily[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
constexpr SV kKanjiFemale[] = {"花子", "陽子", "美咲", "さくら", "由美", "愛"};
constexpr SV kKanjiMale[] = {"太郎", "健", "翔太", "大輔", "拓海", "蓮"};
constexpr SV kKanjiFamily[] = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村"};
constexpr SV kHangulFemale[] = {"서연", "지우", "민지", "수진", "하은"};
constexpr SV kHangulMale[] = {"민준", "지훈", "서준", "현우", "도윤"};
constexpr SV kHangulFamily[] = {"김", "이", "박", "최", "정", "강", "조", "윤"};
constexpr SV kCyrillicFemale[] = {"Мария", "Ольга", "Наталья", "Екатерина", "Анастасия"};
constexpr SV kCyrillicMale[] = {"Иван", "Дмитрий", "Сергей", "Алексей", "Михаил"};
constexpr SV kCyrillicFamilyFemale[] = {"Петрова", "Иванова", "Смирнова", "Кузнецова", "Соколова"};
constexpr SV kCyrillicFamilyMale[] = {"Петров", "Иванов", "Смирнов", "Кузнецов", "Соколов"};
constexpr SV kGreekScriptFemale[] = {"Ελένη", "Μαρία", "Κατερίνα", "Σοφία"};
constexpr SV kGreekScriptMale[] = {"Γιώργος", "Νίκος", "Δημήτρης", "Κώστας"};
constexpr SV kGreekScriptFamilyFemale[] = {"Παπαδοπούλου", "Γεωργίου", "Νικολάου", "Παππά"};
constexpr SV kGreekScriptFamilyMale[] = {"Παπαδόπουλος", "Γεωργίου", "Νικολάου", "Παππάς"};
constexpr SV kArabicScriptFemale[] = {"فاطمة", "عائشة", "ليلى", "مريم", "نور"};
constexpr SV kArabicScriptMale[] = {"محمد", "أحمد", "عمر", "علي", "يوسف"};
constexpr SV kArabicScriptFamily[] = {"الحسن", "حداد", "خليل", "منصور", "ناصر"};
constexpr SV kDevanagariFemale[] = {"अनन्या", "प्रिया", "दिव्या", "पूजा"};
constexpr SV kDevanagariMale[] = {"राहुल", "अर्जुन", "विक्रम", "अमित"};
constexpr SV kDevanagariFamily[] = {"शर्मा", "गुप्ता", "सिंह", "पटेल", "वर्मा"};
constexpr SV kHebrewFemale[] = {"נועה", "מאיה", "שירה", "תמר"};
constexpr SV kHebrewMale[] = {"יוסי", "דניאל", "איתי", "עומר"};
constexpr SV kHebrewFamily[] = {"כהן", "לוי", "מזרחי", "פרץ"};
constexpr SV kHebrewTowns[] = {"Haifa", "Jerusalem", "Be'er Sheva", "Netanya"};

// Weights add up to about 1,000; the non-Latin scripts together make about 5%.
// Fields in order: given names (female, male), family names (female, male), middle names
// (female, male), hometowns, home countries, mail provider, % written family first, % with
// two family names, Latin letters, written joined, weight.
constexpr Culture kCultures[] = {
    {kEnglishFemale, kEnglishMale, kEnglishFamily, kEnglishFamily, {}, {}, kEnglishTowns,
     "US GB IE CA AU NZ", "yahoo.com", 0, 0, true, false, 260},
    {kSpanishFemale, kSpanishMale, kSpanishFamily, kSpanishFamily, {}, {}, kSpanishTowns,
     "MX CO ES AR CL PE", "hotmail.es", 0, 20, true, false, 90},
    {kPortugueseFemale, kPortugueseMale, kPortugueseFamily, kPortugueseFamily, {}, {},
     kPortugueseTowns, "BR PT", "uol.com.br", 0, 25, true, false, 50},
    {kFrenchFemale, kFrenchMale, kFrenchFamily, kFrenchFamily, {}, {}, kFrenchTowns, "FR CA",
     "orange.fr", 0, 0, true, false, 40},
    {kGermanFemale, kGermanMale, kGermanFamily, kGermanFamily, {}, {}, kGermanTowns, "DE AT CH",
     "gmx.de", 0, 0, true, false, 45},
    {kItalianFemale, kItalianMale, kItalianFamily, kItalianFamily, {}, {}, kItalianTowns, "IT",
     "libero.it", 0, 0, true, false, 30},
    {kNordicFemale, kNordicMale, kNordicFamily, kNordicFamily, {}, {}, kNordicTowns, "DK SE NO FI",
     "fastmail.com", 0, 0, true, false, 25},
    {kPolishFemale, kPolishMale, kPolishFamilyFemale, kPolishFamilyMale, {}, {}, kPolishTowns, "PL",
     "wp.pl", 0, 0, true, false, 30},
    {kCzechFemale, kCzechMale, kCzechFamilyFemale, kCzechFamilyMale, {}, {}, kCzechTowns, "CZ",
     "seznam.cz", 0, 0, true, false, 15},
    {kHungarianFemale, kHungarianMale, kHungarianFamily, kHungarianFamily, {}, {}, kHungarianTowns,
     "HU", "freemail.hu", 40, 0, true, false, 15},
    {kTurkishFemale, kTurkishMale, kTurkishFamily, kTurkishFamily, {}, {}, kTurkishTowns, "TR",
     "hotmail.com.tr", 0, 0, true, false, 25},
    {kNigerianFemale, kNigerianMale, kNigerianFamily, kNigerianFamily, {}, {}, kNigerianTowns, "NG",
     "yahoo.com", 0, 0, true, false, 45},
    {kKenyanFemale, kKenyanMale, kKenyanFamily, kKenyanFamily, {}, {}, kKenyanTowns, "KE",
     "gmail.com", 0, 0, true, false, 20},
    {kIndianFemale, kIndianMale, kIndianFamily, kIndianFamily, {}, {}, kIndianTowns, "IN",
     "rediffmail.com", 0, 0, true, false, 75},
    {kChineseFemale, kChineseMale, kChineseFamily, kChineseFamily, {}, {}, kChineseTowns,
     "CN TW HK SG", "163.com", 30, 0, true, false, 50},
    {kJapaneseFemale, kJapaneseMale, kJapaneseFamily, kJapaneseFamily, {}, {}, kJapaneseTowns, "JP",
     "yahoo.co.jp", 25, 0, true, false, 25},
    {kKoreanFemale, kKoreanMale, kKoreanFamily, kKoreanFamily, {}, {}, kKoreanTowns, "KR",
     "naver.com", 35, 0, true, false, 30},
    {kVietnameseFemale, kVietnameseMale, kVietnameseFamily, kVietnameseFamily,
     kVietnameseMiddleFemale, kVietnameseMiddleMale, kVietnameseTowns, "VN", "gmail.com", 70, 0,
     true, false, 20},
    {kArabicFemale, kArabicMale, kArabicFamily, kArabicFamily, {}, {}, kArabicTowns, "EG JO AE",
     "hotmail.com", 0, 0, true, false, 35},
    {kRussianFemale, kRussianMale, kRussianFamilyFemale, kRussianFamilyMale, {}, {}, kRussianTowns,
     "RU", "yandex.ru", 0, 0, true, false, 20},
    {kGreekFemale, kGreekMale, kGreekFamilyFemale, kGreekFamilyMale, {}, {}, kGreekTowns, "GR",
     "otenet.gr", 0, 0, true, false, 15},
    {kHanziFemale, kHanziMale, kHanziFamily, kHanziFamily, {}, {}, kChineseTowns, "CN TW HK SG",
     "qq.com", 100, 0, false, true, 12},
    {kKanjiFemale, kKanjiMale, kKanjiFamily, kKanjiFamily, {}, {}, kJapaneseTowns, "JP",
     "yahoo.co.jp", 100, 0, false, false, 6},
    {kHangulFemale, kHangulMale, kHangulFamily, kHangulFamily, {}, {}, kKoreanTowns, "KR",
     "naver.com", 100, 0, false, true, 7},
    {kCyrillicFemale, kCyrillicMale, kCyrillicFamilyFemale, kCyrillicFamilyMale, {}, {},
     kRussianTowns, "RU", "yandex.ru", 0, 0, false, false, 7},
    {kGreekScriptFemale, kGreekScriptMale, kGreekScriptFamilyFemale, kGreekScriptFamilyMale, {}, {},
     kGreekTowns, "GR", "otenet.gr", 0, 0, false, false, 3},
    {kArabicScriptFemale, kArabicScriptMale, kArabicScriptFamily, kArabicScriptFamily, {}, {},
     kArabicTowns, "EG JO AE", "hotmail.com", 0, 0, false, false, 5},
    {kDevanagariFemale, kDevanagariMale, kDevanagariFamily, kDevanagariFamily, {}, {}, kIndianTowns,
     "IN", "rediffmail.com", 0, 0, false, false, 6},
    {kHebrewFemale, kHebrewMale, kHebrewFamily, kHebrewFamily, {}, {}, kHebrewTowns, "IL",
     "walla.co.il", 0, 0, false, false, 4},
};

// Places. Phone patterns use numbers set aside for fiction where a country has
// them (555-01xx in North America, Ofcom's drama ranges in the UK, 5550 in
// Australia) and a 555 block elsewhere.

constexpr SV kChicagoHoods[] = {"Pilsen", "Logan Square", "Hyde Park", "Wicker Park",
    "Andersonville", "Lincoln Park", "Bronzeville", "Rogers Park", "Uptown", "West Loop",
    "Bridgeport", "Humboldt Park", "Ukrainian Village", "Lakeview", "Chinatown", "Avondale"};
constexpr SV kNewYorkHoods[] = {"Williamsburg", "Astoria", "Harlem", "Park Slope",
    "the East Village", "Jackson Heights", "Chelsea", "Bed-Stuy"};
constexpr SV kSanFranciscoHoods[] = {"the Mission", "Noe Valley", "the Sunset", "SoMa",
    "Hayes Valley", "the Richmond"};
constexpr SV kSeattleHoods[] = {"Capitol Hill", "Ballard", "Fremont", "Columbia City"};
constexpr SV kLosAngelesHoods[] = {"Silver Lake", "Echo Park", "Koreatown", "Highland Park"};
constexpr SV kTorontoHoods[] = {"Kensington Market", "Leslieville", "the Annex", "Roncesvalles"};
constexpr SV kMexicoCityHoods[] = {"Roma Norte", "Condesa", "Coyoacán", "Polanco"};
constexpr SV kSaoPauloHoods[] = {"Vila Madalena", "Pinheiros", "Moema", "Liberdade"};
constexpr SV kLondonHoods[] = {"Hackney", "Peckham", "Brixton", "Islington", "Camden"};
constexpr SV kParisHoods[] = {"le Marais", "Belleville", "Montmartre", "Batignolles"};
constexpr SV kBerlinHoods[] = {"Kreuzberg", "Neukölln", "Prenzlauer Berg", "Friedrichshain",
    "Wedding"};
constexpr SV kCopenhagenHoods[] = {"Nørrebro", "Vesterbro", "Østerbro"};
constexpr SV kWarsawHoods[] = {"Mokotów", "Praga", "Żoliborz"};
constexpr SV kPragueHoods[] = {"Žižkov", "Vinohrady", "Karlín"};
constexpr SV kBudapestHoods[] = {"Újlipótváros", "Józsefváros", "Óbuda"};
constexpr SV kIstanbulHoods[] = {"Kadıköy", "Beşiktaş", "Cihangir", "Moda"};
constexpr SV kLagosHoods[] = {"Yaba", "Lekki", "Ikeja", "Surulere"};
constexpr SV kNairobiHoods[] = {"Kilimani", "Westlands", "Karen", "Kileleshwa"};
constexpr SV kBengaluruHoods[] = {"Indiranagar", "Koramangala", "Jayanagar", "HSR Layout"};
constexpr SV kTokyoHoods[] = {"Shimokitazawa", "Nakameguro", "Kichijōji", "Kōenji"};
constexpr SV kSeoulHoods[] = {"Mapo", "Seongsu", "Itaewon"};
constexpr SV kSydneyHoods[] = {"Newtown", "Surry Hills", "Bondi", "Marrickville"};
constexpr SV kMadridHoods[] = {"Malasaña", "Lavapiés", "Chamberí"};
constexpr SV kBarcelonaHoods[] = {"Gràcia", "el Born", "Poblenou"};

constexpr City kCities[] = {{"Chicago", "US", "+1 312 555 01##", kChicagoHoods},
    {"New York", "US", "+1 212 555 01##", kNewYorkHoods},
    {"San Francisco", "US", "+1 415 555 01##", kSanFranciscoHoods},
    {"Seattle", "US", "+1 206 555 01##", kSeattleHoods}, {"Austin", "US", "+1 512 555 01##"},
    {"Boston", "US", "+1 617 555 01##"}, {"Los Angeles", "US", "+1 213 555 01##", kLosAngelesHoods},
    {"Washington, D.C.", "US", "+1 202 555 01##"}, {"Atlanta", "US", "+1 404 555 01##"},
    {"Denver", "US", "+1 303 555 01##"}, {"Minneapolis", "US", "+1 612 555 01##"},
    {"Detroit", "US", "+1 313 555 01##"}, {"Madison", "US", "+1 608 555 01##"},
    {"Evanston", "US", "+1 847 555 01##"}, {"Milwaukee", "US", "+1 414 555 01##"},
    {"Pittsburgh", "US", "+1 412 555 01##"}, {"Houston", "US", "+1 713 555 01##"},
    {"Oak Park", "US", "+1 708 555 01##"}, {"Ann Arbor", "US", "+1 734 555 01##"},
    {"Toronto", "CA", "+1 416 555 01##", kTorontoHoods}, {"Montréal", "CA", "+1 514 555 01##"},
    {"Vancouver", "CA", "+1 604 555 01##"},
    {"Mexico City", "MX", "+52 55 5555 ####", kMexicoCityHoods},
    {"Bogotá", "CO", "+57 601 555 ####"}, {"São Paulo", "BR", "+55 11 5555-####", kSaoPauloHoods},
    {"Rio de Janeiro", "BR", "+55 21 5555-####"}, {"Buenos Aires", "AR", "+54 11 5555-####"},
    {"Santiago", "CL", "+56 2 2555 ####"}, {"Lima", "PE", "+51 1 555 ####"},
    {"London", "GB", "+44 20 7946 0###", kLondonHoods}, {"Manchester", "GB", "+44 161 496 0###"},
    {"Edinburgh", "GB", "+44 131 496 0###"}, {"Dublin", "IE", "+353 1 555 ####"},
    {"Paris", "FR", "+33 1 55 55 ## ##", kParisHoods}, {"Lyon", "FR", "+33 4 55 55 ## ##"},
    {"Berlin", "DE", "+49 30 5555 ####", kBerlinHoods}, {"Munich", "DE", "+49 89 5555 ####"},
    {"Hamburg", "DE", "+49 40 5555 ####"}, {"Zürich", "CH", "+41 44 555 ## ##"},
    {"Vienna", "AT", "+43 1 555 ####"}, {"Amsterdam", "NL", "+31 20 555 ####"},
    {"Copenhagen", "DK", "+45 55 55 ## ##", kCopenhagenHoods},
    {"Stockholm", "SE", "+46 8 555 ### ##"}, {"Oslo", "NO", "+47 55 5# ## ##"},
    {"Helsinki", "FI", "+358 9 555 ####"}, {"Warsaw", "PL", "+48 22 555 ## ##", kWarsawHoods},
    {"Kraków", "PL", "+48 12 555 ## ##"}, {"Prague", "CZ", "+420 555 ### ###", kPragueHoods},
    {"Budapest", "HU", "+36 1 555 ####", kBudapestHoods},
    {"Madrid", "ES", "+34 91 555 ## ##", kMadridHoods},
    {"Barcelona", "ES", "+34 93 555 ## ##", kBarcelonaHoods}, {"Lisbon", "PT", "+351 21 555 ####"},
    {"Milan", "IT", "+39 02 5555 ####"}, {"Rome", "IT", "+39 06 5555 ####"},
    {"Athens", "GR", "+30 21 0555 ####"}, {"Istanbul", "TR", "+90 212 555 ## ##", kIstanbulHoods},
    {"Moscow", "RU", "+7 495 555-##-##"}, {"Lagos", "NG", "+234 1 555 ####", kLagosHoods},
    {"Abuja", "NG", "+234 9 555 ####"}, {"Nairobi", "KE", "+254 20 555 ####", kNairobiHoods},
    {"Accra", "GH", "+233 30 255 ####"}, {"Cape Town", "ZA", "+27 21 555 ####"},
    {"Cairo", "EG", "+20 2 555 ####"}, {"Amman", "JO", "+962 6 555 ####"},
    {"Dubai", "AE", "+971 4 555 ####"}, {"Tel Aviv", "IL", "+972 3 555 ####"},
    {"Bengaluru", "IN", "+91 80 5555 ####", kBengaluruHoods}, {"Mumbai", "IN", "+91 22 5555 ####"},
    {"Hyderabad", "IN", "+91 40 5555 ####"}, {"Singapore", "SG", "+65 6555 ####"},
    {"Tokyo", "JP", "+81 3 5555 ####", kTokyoHoods}, {"Osaka", "JP", "+81 6 5555 ####"},
    {"Seoul", "KR", "+82 2 555 ####", kSeoulHoods}, {"Shanghai", "CN", "+86 21 5555 ####"},
    {"Shenzhen", "CN", "+86 755 5555 ####"}, {"Taipei", "TW", "+886 2 2555 ####"},
    {"Hong Kong", "HK", "+852 5555 ####"}, {"Ho Chi Minh City", "VN", "+84 28 3555 ####"},
    {"Hanoi", "VN", "+84 24 3555 ####"}, {"Sydney", "AU", "+61 2 5550 ####", kSydneyHoods},
    {"Melbourne", "AU", "+61 3 7010 ####"}, {"Auckland", "NZ", "+64 9 555 ####"}};

// Work. Companies are fictional; domains are only ever used in generated addresses.

constexpr Company kTechCompanies[] = {{"Acme Robotics", "acmerobotics.com"},
    {"Kite Labs", "kitelabs.io"}, {"Brightline GmbH", "brightline.de"},
    {"Lumen Data", "lumendata.io"}, {"Northstar Analytics", "northstaranalytics.com"},
    {"Quillwork", "quillwork.app"}, {"Cobalt Systems", "cobaltsystems.com"},
    {"Tessellate AI", "tessellate.ai"}, {"Driftwood Software", "driftwood.dev"},
    {"Prairie Cloud", "prairiecloud.com"}, {"Loop & Lattice", "loopandlattice.com"},
    {"Harborline Networks", "harborline.net"}, {"Redwood Compute", "redwoodcompute.com"},
    {"Fernhill Games", "fernhillgames.com"}, {"Orbital Mesh", "orbitalmesh.io"},
    {"Bytebridge", "bytebridge.io"}, {"Nimbus Forge", "nimbusforge.com"},
    {"Polar Bear Security", "polarbearsec.com"}, {"Cascade Mobility", "cascademobility.com"},
    {"Tinker Street", "tinkerstreet.io"}, {"Vellum Systems", "vellum.systems"},
    {"Atlas Ledger", "atlasledger.com"}, {"Wisła Software sp. z o.o.", "wislasoftware.pl"},
    {"Nordlys Tech AS", "nordlys.no"}, {"Sakura Circuit K.K.", "sakuracircuit.jp"},
    {"Hanbit Mobile", "hanbitmobile.kr"}, {"Lagos Stack", "lagosstack.ng"},
    {"Savanna Pay", "savannapay.co.ke"}, {"Byteworks India", "byteworks.in"},
    {"Sertão Digital", "sertaodigital.com.br"}, {"Tlaloc Software", "tlaloc.mx"},
    {"Zephyr Robotics", "zephyrrobotics.com"}, {"Ironleaf", "ironleaf.io"},
    {"Paperplane Labs", "paperplanelabs.com"}, {"Quarry Metrics", "quarrymetrics.com"},
    {"Blue Heron Systems", "blueheronsystems.com"}, {"Wavelength Audio", "wavelengthaudio.com"},
    {"Moonrise Mapping", "moonrisemapping.com"}, {"Granite Stack", "granitestack.io"},
    {"Hollow Oak Studios", "hollowoak.games"}, {"Sprocket & Co.", "sprocket.co"},
    {"Lighthouse Logic", "lighthouselogic.com"}, {"Ember Payments", "emberpay.com"},
    {"Tidewater Semiconductors", "tidewatersemi.com"}, {"Juniper Grid", "junipergrid.energy"},
    {"Solstice Energy Software", "solsticeenergy.io"}, {"Cinder Data", "cinderdata.com"},
    {"Vectorfield", "vectorfield.ai"}, {"Fjord Analytics AB", "fjordanalytics.se"},
    {"Ostrava Embedded s.r.o.", "ostravaembedded.cz"}, {"Kadıköy Yazılım", "kadikoyyazilim.com.tr"},
    {"Marble Arch Technologies", "marblearch.tech"}};
constexpr Company kHealthCompanies[] = {{"Northwind Health", "northwindhealth.org"},
    {"Lakeshore Family Clinic", "lakeshoreclinic.org"}, {"Mercy Ridge Hospital", "mercyridge.org"},
    {"Bramble Bio", "bramblebio.com"}, {"Clearwater Diagnostics", "clearwaterdx.com"},
    {"Sundial Health", "sundialhealth.com"}, {"Prairie Pediatrics", "prairiepeds.com"},
    {"Hospital San Rafael", "hospitalsanrafael.mx"}, {"Klinikum Elbufer", "klinikum-elbufer.de"},
    {"Saint Brigid's Hospital", "stbrigids.ie"}, {"Oak Park Physical Therapy", "oakparkpt.com"},
    {"Meridian Pharmacy", "meridianpharmacy.com"},
    {"Riverside Community Health", "riversidech.org"}, {"Harmony Dental", "harmonydental.com"},
    {"Ubuntu Health Partners", "ubuntuhealth.co.za"}, {"Sora Medical", "soramedical.jp"},
    {"Lotus Care Clinic", "lotuscare.in"}, {"Spiral Genomics", "spiralgenomics.com"},
    {"Greenfield Mental Health", "greenfieldmh.org"}, {"Kinship Home Care", "kinshiphomecare.com"}};
constexpr Company kEducationCompanies[] = {{"Northside Prep Academy", "northsideprep.org"},
    {"Lakeside Community College", "lakeside.edu"}, {"Riverbend Elementary", "riverbend.k12.il.us"},
    {"University of the Prairie", "prairie.edu"}, {"Universidad del Sol", "udelsol.edu.mx"},
    {"Escola Aurora", "escolaaurora.com.br"}, {"École Montaigne", "ecolemontaigne.fr"},
    {"Midway Coding Bootcamp", "midwaycoding.com"}, {"Hillcrest High School", "hillcresths.org"},
    {"Westbrook University", "westbrook.edu"}, {"Kibo Learning", "kibolearning.co.ke"},
    {"Greenleaf Montessori", "greenleafmontessori.org"},
    {"Institute for Urban Studies", "urbanstudies.org"},
    {"Hochschule Rheinland", "hs-rheinland.de"}, {"Vidya Learning Labs", "vidyalabs.in"},
    {"Seoul Global Academy", "seoulglobal.kr"}, {"Open Field School", "openfield.school"},
    {"Lycée Voltaire", "lycee-voltaire.fr"}};
constexpr Company kNonprofitCompanies[] = {{"Fundación Luz", "fundacionluz.org"},
    {"Open Harbor Foundation", "openharbor.org"}, {"Green Commons Trust", "greencommons.org"},
    {"Neighbors United", "neighborsunited.org"}, {"Fundação Semente", "fundacaosemente.org.br"},
    {"Clean Rivers Alliance", "cleanrivers.org"}, {"Bread & Roses Food Bank", "breadandroses.org"},
    {"Code for Tomorrow", "codefortomorrow.org"}, {"Amani Water Project", "amaniwater.org"},
    {"Stiftung Brücke", "stiftung-bruecke.de"}, {"Literacy Now", "literacynow.org"},
    {"First Light Refugee Services", "firstlightrs.org"},
    {"Harambee Youth Trust", "harambeeyouth.org"}, {"Open Seeds Collective", "openseeds.org"},
    {"Prairie Arts Council", "prairiearts.org"}, {"Bike Lanes for All", "bikelanesforall.org"},
    {"Lantern Housing", "lanternhousing.org"}, {"Women in Code Lagos", "womenincodelagos.org"},
    {"Fondation Horizon", "fondationhorizon.fr"}, {"Tree Canopy Chicago", "treecanopy.org"}};
constexpr Company kFinanceCompanies[] = {{"Harbor & Pine Capital", "harborpine.com"},
    {"Lumen Ventures", "lumen.vc"}, {"Great Lakes Credit Union", "greatlakescu.org"},
    {"Northgate Partners", "northgatepartners.com"}, {"Keystone Advisors", "keystoneadvisors.com"},
    {"Meridian Bank", "meridianbank.com"}, {"Cedar Row Capital", "cedarrow.com"},
    {"Alpine Ridge Insurance", "alpineridge.com"}, {"Kestrel Angels", "kestrelangels.com"},
    {"Banco Horizonte", "bancohorizonte.com.br"}, {"Danube Capital Zrt.", "danubecapital.hu"},
    {"Sankofa Fund", "sankofa.fund"}, {"Tidal Wealth", "tidalwealth.com"},
    {"Quarterline Accounting", "quarterline.com"}, {"Westerly Asset Management", "westerlyam.com"},
    {"Plum Street Ventures", "plumstreet.vc"}, {"Birchwood Actuarial", "birchwoodactuarial.com"},
    {"Rhein Finanz AG", "rheinfinanz.de"}, {"Crescent Microfinance", "crescentmf.org"},
    {"Lindqvist & Berg", "lindqvistberg.se"}};
constexpr Company kMediaCompanies[] = {{"Pixelház Kft.", "pixelhaz.hu"},
    {"Studio Marlow", "studiomarlow.com"}, {"Paper Crane Press", "papercranepress.com"},
    {"The Lakefront Review", "lakefrontreview.com"}, {"Ojo Estudio", "ojoestudio.mx"},
    {"Bureau Nord", "bureaunord.dk"}, {"Signal & Noise Podcasts", "signalandnoise.fm"},
    {"Fieldnote Films", "fieldnotefilms.com"}, {"Atelier Lumière", "atelierlumiere.fr"},
    {"Halftone Studio", "halftone.studio"}, {"Riverbank Radio", "riverbankradio.org"},
    {"Kolibri Design", "kolibri.design"}, {"Morning Ledger", "morningledger.com"},
    {"Inkwell Agency", "inkwellagency.com"}, {"Good Grain Creative", "goodgrain.co"},
    {"Shibuya Motion", "shibuyamotion.jp"}, {"Nolly Frame Studios", "nollyframe.ng"},
    {"Casa Tinta", "casatinta.com.br"}, {"Finch & Fable", "finchfable.com"},
    {"Blue Door Photography", "bluedoorphoto.com"}, {"Copper Kettle Media", "copperkettle.media"},
    {"Lakeview Letterpress", "lvletterpress.com"}};
constexpr Company kAdvisoryCompanies[] = {{"Okonkwo & Partners LLP", "okonkwopartners.com"},
    {"Meridian Advisory", "meridianadvisory.com"}, {"Castellanos Abogados", "castellanos.law"},
    {"Baker Hale LLP", "bakerhale.com"}, {"Kovács & Társai", "kovacstarsai.hu"},
    {"Summit Strategy Group", "summitstrategy.com"}, {"Leitner Rechtsanwälte", "leitner-law.de"},
    {"Clarity Partners", "claritypartners.com"}, {"Adeyemi Legal", "adeyemilegal.ng"},
    {"Fairway Consulting", "fairwayconsulting.com"}, {"Novák Legal s.r.o.", "novaklegal.cz"},
    {"Ridgeview Compliance", "ridgeviewcompliance.com"}, {"Mehta & Rao Associates", "mehtarao.in"},
    {"Lindgren Advokatbyrå", "lindgrenlaw.se"}, {"Harlow Patent Group", "harlowpatent.com"},
    {"Northpoint Change Partners", "northpoint.co"}, {"Crescent Law Group", "crescentlaw.com"},
    {"Tanaka Sōgō Consulting", "tanakasogo.jp"}, {"Open Door Mediation", "opendoormediation.org"},
    {"Pereira Advogados", "pereiraadv.com.br"}};
constexpr Company kBusinessCompanies[] = {{"Harvest Table Foods", "harvesttable.com"},
    {"Blue Anchor Logistics", "blueanchor.co"}, {"Kestrel Coffee Roasters", "kestrelcoffee.com"},
    {"Maple & Main Retail", "mapleandmain.com"}, {"Ironbridge Manufacturing", "ironbridgemfg.com"},
    {"Solara Solar", "solarasolar.com"}, {"Fox River Brewing", "foxriverbrewing.com"},
    {"Windy City Events", "windycityevents.com"}, {"La Milpa Cocina", "lamilpa.com"},
    {"Greenway Bikes", "greenwaybikes.com"}, {"Union Street Realty", "unionstreetrealty.com"},
    {"Bluebird Staffing", "bluebirdstaffing.com"}, {"Northwind Traders", "northwindtraders.com"},
    {"Contoso Ltd.", "contoso.com"}, {"Fabrikam", "fabrikam.com"},
    {"Tailspin Toys", "tailspintoys.com"}, {"Wide World Importers", "wideworldimporters.com"},
    {"Adventure Works", "adventure-works.com"}, {"Globex Corporation", "globex.com"},
    {"Initech", "initech.com"}, {"Lakeview Hardware", "lakeviewhardware.com"},
    {"Olive & Thyme Catering", "oliveandthyme.com"},
    {"Copperline Construction", "copperline.build"}, {"Silverleaf Hotels", "silverleafhotels.com"},
    {"Prairie Wind Farms", "prairiewind.energy"}, {"Hanse Logistik GmbH", "hanselogistik.de"},
    {"Anatolia Textiles", "anatoliatextiles.com.tr"}, {"Saigon Spice Co.", "saigonspice.vn"},
    {"Mama Put Kitchens", "mamaputkitchens.ng"}, {"Nairobi Fresh", "nairobifresh.co.ke"},
    {"Lotus Lane Tea", "lotuslanetea.com"}, {"Urban Roots Grocery", "urbanroots.store"}};

// Technical titles come first in each list; see Sector::technical_titles.
constexpr SV kTechTitles[] = {"Staff Engineer", "Software Engineer", "Senior Software Engineer",
    "Principal Engineer", "Engineering Manager", "Data Scientist", "Machine Learning Engineer",
    "Site Reliability Engineer", "Security Engineer", "Frontend Engineer", "Backend Engineer",
    "Mobile Engineer", "Data Engineer", "Solutions Architect", "Research Scientist", "CTO",
    "Developer Advocate", "Product Manager", "UX Lead", "Product Designer", "Technical Writer",
    "UX Researcher", "Head of Product"};
constexpr SV kHealthTitles[] = {"Nurse Practitioner", "Registered Nurse", "Physician",
    "Pediatrician", "Physical Therapist", "Pharmacist", "Clinical Researcher",
    "Hospital Administrator", "Dentist", "Psychologist", "Public Health Analyst"};
constexpr SV kEducationTitles[] = {"Teacher", "High School Teacher", "Professor",
    "Associate Professor", "Principal", "Curriculum Designer", "Research Fellow", "PhD Candidate",
    "Librarian", "Instructional Coach", "Dean of Students"};
constexpr SV kNonprofitTitles[] = {"Program Officer", "Executive Director", "Development Director",
    "Community Organizer", "Grants Manager", "Policy Analyst", "Volunteer Coordinator",
    "Campaign Manager"};
constexpr SV kFinanceTitles[] = {"Partner", "Principal", "Investor", "Analyst", "Associate",
    "Portfolio Manager", "CFO", "Controller", "Financial Advisor", "Actuary"};
constexpr SV kMediaTitles[] = {"Art Director", "Graphic Designer", "Illustrator", "Journalist",
    "Editor", "Photographer", "Podcast Producer", "Brand Strategist", "Copywriter", "Filmmaker"};
constexpr SV kAdvisoryTitles[] = {"Consultant", "Senior Consultant", "Associate Attorney",
    "Managing Partner", "Paralegal", "General Counsel", "Management Consultant",
    "Strategy Director", "Patent Attorney"};
constexpr SV kBusinessTitles[] = {"Founder", "Co-founder", "CEO", "COO", "VP Sales",
    "Account Executive", "Marketing Lead", "Head of Operations", "Recruiter", "Talent Partner",
    "Customer Success Manager", "Chef", "Operations Manager", "Supply Chain Manager",
    "Chief of Staff", "Head of Marketing", "Sales Director", "Store Manager"};

constexpr SV kTechSkills[] = {"C++", "Rust", "Go", "Python", "JavaScript", "TypeScript", "React",
    "SQLite", "PostgreSQL", "Kubernetes", "Docker", "AWS", "Terraform", "machine learning",
    "distributed systems", "computer vision", "NLP", "data engineering", "Spark", "iOS", "Android",
    "Swift", "Kotlin", "Java", "compilers", "embedded systems", "security", "DevOps", "GraphQL",
    "system design", "LLMs", "Linux", "CI/CD", "performance tuning", "UX research",
    "product strategy"};
constexpr SV kHealthSkills[] = {"patient care", "clinical research", "public health",
    "epidemiology", "health policy", "telemedicine", "EHR systems", "care coordination",
    "biostatistics", "pediatrics", "mental health"};
constexpr SV kEducationSkills[] = {"curriculum design", "teaching", "instructional design",
    "academic writing", "qualitative research", "classroom management", "STEM education",
    "ESL teaching", "assessment design", "educational technology"};
constexpr SV kNonprofitSkills[] = {"fundraising", "grant writing", "community organizing",
    "policy analysis", "advocacy", "impact evaluation", "volunteer management", "donor relations",
    "nonprofit governance", "program design"};
constexpr SV kFinanceSkills[] = {"financial modeling", "due diligence", "valuation", "accounting",
    "risk management", "Excel", "portfolio management", "M&A", "venture capital", "fintech",
    "tax planning"};
constexpr SV kMediaSkills[] = {"typography", "branding", "Figma", "illustration", "photography",
    "video editing", "copywriting", "storytelling", "editing", "motion design",
    "podcast production", "art direction"};
constexpr SV kAdvisorySkills[] = {"negotiation", "contract law", "intellectual property",
    "strategy", "stakeholder management", "change management", "compliance", "litigation",
    "privacy law", "facilitation"};
constexpr SV kBusinessSkills[] = {"sales", "marketing", "operations", "hiring", "leadership",
    "customer success", "supply chain", "SEO", "partnerships", "pricing", "go-to-market",
    "project management", "event planning", "recruiting"};
constexpr SV kGeneralSkills[] = {"public speaking", "mentoring", "writing", "Spanish", "Mandarin",
    "French", "German", "Portuguese", "Japanese", "data analysis", "coaching", "research"};

constexpr std::size_t kBusinessSectorIndex = 7;
constexpr Sector kSectors[] = {{kTechCompanies, kTechTitles, 17, kTechSkills, 34},
    {kHealthCompanies, kHealthTitles, 0, kHealthSkills, 10},
    {kEducationCompanies, kEducationTitles, 0, kEducationSkills, 9},
    {kNonprofitCompanies, kNonprofitTitles, 0, kNonprofitSkills, 8},
    {kFinanceCompanies, kFinanceTitles, 0, kFinanceSkills, 10},
    {kMediaCompanies, kMediaTitles, 0, kMediaSkills, 9},
    {kAdvisoryCompanies, kAdvisoryTitles, 0, kAdvisorySkills, 9},
    {kBusinessCompanies, kBusinessTitles, 0, kBusinessSkills, 11}};
static_assert(std::size(kSectors) == kBusinessSectorIndex + 1);

// clang-format on

}  // namespace

std::span<const Culture> Cultures() { return kCultures; }
std::span<const City> Cities() { return kCities; }
std::span<const Sector> Sectors() { return kSectors; }
std::size_t BusinessSector() { return kBusinessSectorIndex; }
Pool GeneralSkills() { return kGeneralSkills; }

}  // namespace kith::demo
