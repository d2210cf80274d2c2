// Names and places for the sample data. Common names of each country; Latin
// spellings of Cyrillic names follow the usual passport transliteration.
#include "sample/sample_names.hpp"

#include <array>

namespace crm::detail::sample {
namespace {

using std::string_view;

// ---- Latvian -------------------------------------------------------------
constexpr GivenName kLvMale[] = {{"Jānis", ""}, {"Andris", ""}, {"Mārtiņš", ""}, {"Edgars", ""}, {"Kārlis", ""},
                                 {"Roberts", ""}, {"Aivars", ""}, {"Uldis", ""}, {"Raimonds", ""}, {"Gatis", ""}};
constexpr GivenName kLvFemale[] = {{"Anna", ""}, {"Kristīne", ""}, {"Ilze", ""}, {"Inese", ""}, {"Līga", ""},
                                   {"Dace", ""}, {"Sanita", ""}, {"Agnese", ""}, {"Zane", ""}, {"Laura", ""}};
constexpr Surname kLvSurnames[] = {
    {"Bērziņš", "Bērziņa", "", ""},   {"Kalniņš", "Kalniņa", "", ""},   {"Ozoliņš", "Ozoliņa", "", ""},
    {"Jansons", "Jansone", "", ""},   {"Ozols", "Ozola", "", ""},       {"Liepiņš", "Liepiņa", "", ""},
    {"Krūmiņš", "Krūmiņa", "", ""},   {"Balodis", "Balode", "", ""},    {"Zariņš", "Zariņa", "", ""},
    {"Pētersons", "Pētersone", "", ""}, {"Vītols", "Vītola", "", ""},   {"Kļaviņš", "Kļaviņa", "", ""}};

// ---- Lithuanian ----------------------------------------------------------
constexpr GivenName kLtMale[] = {{"Jonas", ""}, {"Tomas", ""}, {"Mindaugas", ""}, {"Darius", ""},
                                 {"Andrius", ""}, {"Žygimantas", ""}, {"Paulius", ""}, {"Vytautas", ""}};
constexpr GivenName kLtFemale[] = {{"Ona", ""}, {"Rūta", ""}, {"Jurgita", ""}, {"Agnė", ""},
                                   {"Eglė", ""}, {"Giedrė", ""}, {"Laura", ""}, {"Inga", ""}};
constexpr Surname kLtSurnames[] = {
    {"Kazlauskas", "Kazlauskienė", "", ""}, {"Jankauskas", "Jankauskienė", "", ""},
    {"Petrauskas", "Petrauskienė", "", ""}, {"Stankevičius", "Stankevičienė", "", ""},
    {"Vasiliauskas", "Vasiliauskienė", "", ""}, {"Žukauskas", "Žukauskienė", "", ""},
    {"Butkus", "Butkienė", "", ""},         {"Paulauskas", "Paulauskienė", "", ""}};

// ---- Ukrainian -----------------------------------------------------------
constexpr GivenName kUaMale[] = {{"Олександр", "oleksandr"}, {"Андрій", "andrii"}, {"Тарас", "taras"},
                                 {"Богдан", "bohdan"},       {"Дмитро", "dmytro"},  {"Юрій", "yurii"}};
constexpr GivenName kUaFemale[] = {{"Олена", "olena"},     {"Наталія", "nataliia"}, {"Оксана", "oksana"},
                                   {"Ірина", "iryna"},     {"Тетяна", "tetiana"},   {"Юлія", "yuliia"}};
constexpr Surname kUaSurnames[] = {
    {"Ковальчук", "Ковальчук", "kovalchuk", "kovalchuk"}, {"Шевченко", "Шевченко", "shevchenko", "shevchenko"},
    {"Бондаренко", "Бондаренко", "bondarenko", "bondarenko"}, {"Ткаченко", "Ткаченко", "tkachenko", "tkachenko"},
    {"Кравчук", "Кравчук", "kravchuk", "kravchuk"},       {"Мельник", "Мельник", "melnyk", "melnyk"},
    {"Коваленко", "Коваленко", "kovalenko", "kovalenko"}, {"Олійник", "Олійник", "oliinyk", "oliinyk"}};

// ---- Russian -------------------------------------------------------------
constexpr GivenName kRuMale[] = {{"Алексей", "aleksei"}, {"Сергей", "sergei"}, {"Дмитрий", "dmitrii"},
                                 {"Пётр", "petr"},       {"Игорь", "igor"},    {"Михаил", "mikhail"}};
constexpr GivenName kRuFemale[] = {{"Елена", "elena"},   {"Ольга", "olga"},     {"Наталья", "natalia"},
                                   {"Татьяна", "tatiana"}, {"Светлана", "svetlana"}, {"Юлия", "iuliia"}};
constexpr Surname kRuSurnames[] = {
    {"Смирнов", "Смирнова", "smirnov", "smirnova"},   {"Иванов", "Иванова", "ivanov", "ivanova"},
    {"Кузнецов", "Кузнецова", "kuznetsov", "kuznetsova"}, {"Попов", "Попова", "popov", "popova"},
    {"Соколов", "Соколова", "sokolov", "sokolova"},   {"Волков", "Волкова", "volkov", "volkova"},
    {"Фёдоров", "Фёдорова", "fedorov", "fedorova"},   {"Морозов", "Морозова", "morozov", "morozova"}};

// ---- German --------------------------------------------------------------
constexpr GivenName kDeMale[] = {{"Jürgen", "juergen"}, {"Thomas", ""}, {"Michael", ""}, {"Andreas", ""},
                                 {"Stefan", ""},        {"Lukas", ""},  {"Jörg", "joerg"}, {"Maximilian", ""}};
constexpr GivenName kDeFemale[] = {{"Sabine", ""}, {"Katrin", ""}, {"Julia", ""}, {"Anna", ""},
                                   {"Claudia", ""}, {"Monika", ""}, {"Sophie", ""}, {"Ursula", ""}};
constexpr Surname kDeSurnames[] = {
    {"Müller", "Müller", "mueller", "mueller"}, {"Schmidt", "Schmidt", "", ""},    {"Schneider", "Schneider", "", ""},
    {"Fischer", "Fischer", "", ""},             {"Weber", "Weber", "", ""},        {"Schäfer", "Schäfer", "schaefer", "schaefer"},
    {"Becker", "Becker", "", ""},               {"Groß", "Groß", "gross", "gross"}};

// ---- English -------------------------------------------------------------
constexpr GivenName kEnMale[] = {{"James", ""}, {"Oliver", ""}, {"George", ""}, {"Harry", ""},
                                 {"William", ""}, {"Thomas", ""}, {"Jack", ""}, {"Daniel", ""}};
constexpr GivenName kEnFemale[] = {{"Sarah", ""}, {"Emily", ""}, {"Olivia", ""}, {"Charlotte", ""},
                                   {"Amelia", ""}, {"Jessica", ""}, {"Sophie", ""}, {"Grace", ""}};
constexpr Surname kEnSurnames[] = {
    {"Smith", "Smith", "", ""},     {"Jones", "Jones", "", ""},   {"Taylor", "Taylor", "", ""},
    {"Brown", "Brown", "", ""},     {"Williams", "Williams", "", ""}, {"O'Connor", "O'Connor", "oconnor", "oconnor"},
    {"Davies", "Davies", "", ""},   {"Evans", "Evans", "", ""}};

constexpr Culture kLatvian{"lv", kLvMale, kLvFemale, kLvSurnames};
constexpr Culture kLithuanian{"lt", kLtMale, kLtFemale, kLtSurnames};
constexpr Culture kUkrainian{"uk", kUaMale, kUaFemale, kUaSurnames};
constexpr Culture kRussian{"ru", kRuMale, kRuFemale, kRuSurnames};
constexpr Culture kGerman{"de", kDeMale, kDeFemale, kDeSurnames};
constexpr Culture kEnglish{"en", kEnMale, kEnFemale, kEnSurnames};

constexpr const Culture* kInLatvia[] = {&kLatvian, &kLatvian, &kRussian};
constexpr const Culture* kInLithuania[] = {&kLithuanian, &kLithuanian, &kRussian};
constexpr const Culture* kInUkraine[] = {&kUkrainian, &kUkrainian, &kRussian};
constexpr const Culture* kInGermany[] = {&kGerman, &kGerman, &kEnglish};
constexpr const Culture* kInBritain[] = {&kEnglish};

constexpr string_view kLvWords[] = {"Baltijas", "Rīgas", "Daugavas", "Vidzemes", "Kurzemes", "Latgales",
                                    "Zemgales", "Jūrmalas", "Ziemeļu", "Saules"};
constexpr string_view kLvNouns[] = {"Koks", "Piens", "Loģistika", "Enerģija", "Maize", "Būve", "Tehnika",
                                    "Dārzi", "Tirdzniecība", "Sistēmas"};
constexpr string_view kLvCities[] = {"Rīga", "Daugavpils", "Liepāja", "Jelgava", "Jūrmala", "Ventspils", "Cēsis"};
constexpr string_view kLvStreets[] = {"Brīvības iela", "Krišjāņa Barona iela", "Elizabetes iela", "Tērbatas iela",
                                      "Lāčplēša iela", "Dzirnavu iela"};

constexpr string_view kLtWords[] = {"Vilniaus", "Kauno", "Baltijos", "Nemuno", "Žalgirio", "Šiaurės",
                                    "Klaipėdos", "Aukštaitijos"};
constexpr string_view kLtNouns[] = {"Duona", "Statyba", "Logistika", "Prekyba", "Energija", "Technika",
                                    "Sprendimai", "Pieninė"};
constexpr string_view kLtCities[] = {"Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys"};
constexpr string_view kLtStreets[] = {"Gedimino pr.", "Konstitucijos pr.", "Laisvės al.", "Savanorių pr.",
                                      "Žalgirio g."};

constexpr string_view kUaWords[] = {"Київ", "Дніпро", "Львівська", "Одеська", "Харків", "Полтавська", "Карпатська"};
constexpr string_view kUaNouns[] = {"Агро", "Логістик", "Кава", "Буд", "Енерго", "Трейд", "Софт"};
constexpr string_view kUaCities[] = {"Київ", "Львів", "Одеса", "Дніпро", "Харків", "Вінниця"};
constexpr string_view kUaStreets[] = {"вул. Хрещатик", "вул. Шевченка", "просп. Перемоги", "вул. Франка"};

constexpr string_view kDeWords[] = {"Nordlicht", "Schäfer", "Rhein", "Alpen", "Hanse", "Müller", "Spree",
                                    "Bayern"};
constexpr string_view kDeNouns[] = {"Maschinenbau", "Logistik", "Lebensmittel", "Energie", "Software",
                                    "Holzbau", "Handel"};
constexpr string_view kDeCities[] = {"Berlin", "Hamburg", "München", "Köln", "Düsseldorf", "Lübeck"};
constexpr string_view kDeStreets[] = {"Hauptstraße", "Bahnhofstraße", "Schloßallee", "Königstraße",
                                      "Gartenweg"};

constexpr string_view kGbWords[] = {"Thames Valley", "Northern", "Greenwich", "Pennine", "Highland",
                                    "Royal Oak", "Cotswold"};
constexpr string_view kGbNouns[] = {"Foods", "Consulting", "Software", "Logistics", "Energy", "Builders",
                                    "Trading"};
constexpr string_view kGbCities[] = {"London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Oxford"};
constexpr string_view kGbStreets[] = {"High Street", "Station Road", "Church Lane", "Victoria Road",
                                      "Mill Lane"};

constexpr std::array kCountries = {
    Country{"LV", "SIA {}", kLvWords, kLvNouns, kLvCities, kLvStreets, "LV-10##", "lv", "371", "2", 7, "67", 6,
            kInLatvia},
    Country{"LT", "UAB {}", kLtWords, kLtNouns, kLtCities, kLtStreets, "LT-0####", "lt", "370", "6", 7, "5", 7,
            kInLithuania},
    Country{"UA", "ТОВ «{}»", kUaWords, kUaNouns, kUaCities, kUaStreets, "0####", "ua", "380", "67,50,63,95", 7,
            "44", 7, kInUkraine},
    Country{"DE", "{} GmbH", kDeWords, kDeNouns, kDeCities, kDeStreets, "#####", "de", "49", "151,160,170", 8,
            "30", 8, kInGermany},
    Country{"GB", "{} Ltd", kGbWords, kGbNouns, kGbCities, kGbStreets, "EC1A #BB", "co.uk", "44", "7700", 6,
            "20", 8, kInBritain},
};

}  // namespace

std::span<const Country> countries() { return kCountries; }

}  // namespace crm::detail::sample
