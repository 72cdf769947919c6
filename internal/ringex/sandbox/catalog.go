package sandbox

// The catalog is the fixed reference data the generated directory draws from.
// Other packages table-test their timezone and language mappings over it, so
// every value the sandbox can ever answer with must be listed here.

// Timezone is a RingEX timezone record as it appears in regionalSettings.
type Timezone struct {
	ID          string
	Name        string
	Description string
	Bias        string // UTC offset in minutes, as RingEX sends it
}

// Language is a RingEX language record as it appears in regionalSettings.
type Language struct {
	ID         string
	Name       string
	LocaleCode string
}

// Unknown timezone names are Windows-style names RingEX has been seen to send;
// they are not IANA names, so only their bias is usable.
var timezones = []Timezone{
	{"58", "US/Pacific", "Pacific Time (US & Canada)", "-480"},
	{"59", "US/Mountain", "Mountain Time (US & Canada)", "-420"},
	{"60", "US/Central", "Central Time (US & Canada)", "-360"},
	{"61", "US/Eastern", "Eastern Time (US & Canada)", "-300"},
	{"62", "America/New_York", "Eastern Time (US & Canada)", "-300"},
	{"63", "America/Chicago", "Central Time (US & Canada)", "-360"},
	{"64", "America/Los_Angeles", "Pacific Time (US & Canada)", "-480"},
	{"65", "America/Toronto", "Eastern Time (Canada)", "-300"},
	{"66", "America/Mexico_City", "Guadalajara, Mexico City, Monterrey", "-360"},
	{"67", "America/Bogota", "Bogota, Lima, Quito", "-300"},
	{"68", "America/Sao_Paulo", "Brasilia", "-180"},
	{"69", "America/St_Johns", "Newfoundland", "-210"},
	{"70", "Europe/London", "Dublin, Edinburgh, Lisbon, London", "0"},
	{"71", "Europe/Lisbon", "Lisbon", "0"},
	{"72", "Europe/Berlin", "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "60"},
	{"73", "Europe/Paris", "Brussels, Copenhagen, Madrid, Paris", "60"},
	{"74", "Europe/Madrid", "Madrid", "60"},
	{"75", "Europe/Rome", "Rome", "60"},
	{"76", "Europe/Amsterdam", "Amsterdam", "60"},
	{"77", "Europe/Copenhagen", "Copenhagen", "60"},
	{"78", "Europe/Warsaw", "Sarajevo, Skopje, Warsaw, Zagreb", "60"},
	{"79", "Europe/Helsinki", "Helsinki, Riga, Sofia, Tallinn, Vilnius", "120"},
	{"80", "Europe/Kiev", "Kyiv", "120"},
	{"81", "Europe/Moscow", "Moscow, St. Petersburg, Volgograd", "180"},
	{"82", "Asia/Dubai", "Abu Dhabi, Muscat", "240"},
	{"83", "Asia/Riyadh", "Kuwait, Riyadh", "180"},
	{"84", "Asia/Kolkata", "Chennai, Kolkata, Mumbai, New Delhi", "330"},
	{"85", "Asia/Calcutta", "Chennai, Kolkata, Mumbai, New Delhi", "330"},
	{"86", "Asia/Kathmandu", "Kathmandu", "345"},
	{"87", "Asia/Shanghai", "Beijing, Chongqing, Hong Kong, Urumqi", "480"},
	{"88", "Asia/Taipei", "Taipei", "480"},
	{"89", "Asia/Hong_Kong", "Hong Kong", "480"},
	{"90", "Asia/Seoul", "Seoul", "540"},
	{"91", "Asia/Tokyo", "Osaka, Sapporo, Tokyo", "540"},
	{"92", "Australia/Sydney", "Canberra, Melbourne, Sydney", "600"},
	{"93", "Pacific/Auckland", "Auckland, Wellington", "720"},
	{"94", "Mid-Atlantic", "Mid-Atlantic", "-120"},
	{"95", "E. Europe", "E. Europe", "120"},
}

// IDs are the Windows LCIDs RingEX uses for these languages.
var languages = []Language{
	{"1031", "German (Germany)", "de-DE"},
	{"2057", "English (United Kingdom)", "en-GB"},
	{"1033", "English (United States)", "en-US"},
	{"3082", "Spanish (Spain)", "es-ES"},
	{"58378", "Spanish (Latin America)", "es-419"},
	{"1036", "French (France)", "fr-FR"},
	{"3084", "French (Canada)", "fr-CA"},
	{"1040", "Italian (Italy)", "it-IT"},
	{"1043", "Dutch (Netherlands)", "nl-NL"},
	{"1046", "Portuguese (Brazil)", "pt-BR"},
	{"2070", "Portuguese (Portugal)", "pt-PT"},
	{"1035", "Finnish (Finland)", "fi-FI"},
	{"1042", "Korean (Korea)", "ko-KR"},
	{"1041", "Japanese (Japan)", "ja-JP"},
	{"2052", "Chinese (China)", "zh-CN"},
	{"1028", "Chinese (Taiwan)", "zh-TW"},
	{"3076", "Chinese (Hong Kong)", "zh-HK"},
}

// Timezones returns every timezone the sandbox can put in regionalSettings.
func Timezones() []Timezone { return append([]Timezone(nil), timezones...) }

// Languages returns every language the sandbox can put in regionalSettings.
func Languages() []Language { return append([]Language(nil), languages...) }

var (
	timezoneByName = map[string]Timezone{}
	languageByCode = map[string]Language{}
)

func init() {
	for _, tz := range timezones {
		timezoneByName[tz.Name] = tz
	}
	for _, l := range languages {
		languageByCode[l.LocaleCode] = l
	}
}

// culture groups names with the settings people who carry them plausibly
// have, so generated users look coherent (a 山田 in Asia/Tokyo speaking ja-JP)
// while still mixing scripts across the directory.
type culture struct {
	weight  int
	first   []string // "Display|ascii" pairs; ascii feeds the email address
	last    []string
	langs   []string
	zones   []string
	country [2]string // ISO code, name
}

var cultures = []culture{
	{20, []string{"James|james", "Mary|mary", "Mark|mark", "Jennifer|jennifer", "Michael|michael", "Linda|linda", "David|david", "Sarah|sarah", "Marcus|marcus", "Emily|emily"},
		[]string{"Smith|smith", "Johnson|johnson", "Williams|williams", "Brown|brown", "Miller|miller", "Davis|davis", "Marshall|marshall", "O'Brien|obrien"},
		[]string{"en-US", "en-US", "en-GB"}, []string{"US/Pacific", "US/Eastern", "US/Central", "US/Mountain", "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London"}, [2]string{"US", "United States"}},
	{8, []string{"Jürgen|juergen", "Lukas|lukas", "Anna|anna", "Jörg|joerg", "Günter|guenter", "Martin|martin", "Markus|markus", "Sophie|sophie"},
		[]string{"Müller|mueller", "Schröder|schroeder", "Weiß|weiss", "Becker|becker", "Hoffmann|hoffmann", "Köhler|koehler"},
		[]string{"de-DE"}, []string{"Europe/Berlin"}, [2]string{"DE", "Germany"}},
	{7, []string{"François|francois", "Élodie|elodie", "Zoé|zoe", "Marc|marc", "Marie|marie", "Hélène|helene"},
		[]string{"Lefèvre|lefevre", "Dubois|dubois", "Gagnon|gagnon", "Côté|cote", "Rousseau|rousseau"},
		[]string{"fr-FR", "fr-CA"}, []string{"Europe/Paris", "America/Toronto"}, [2]string{"FR", "France"}},
	{8, []string{"José|jose", "María|maria", "Martín|martin", "Lucía|lucia", "Íñigo|inigo", "Mariana|mariana"},
		[]string{"García|garcia", "Núñez|nunez", "Peña|pena", "Rodríguez|rodriguez", "Martínez|martinez"},
		[]string{"es-ES", "es-419"}, []string{"Europe/Madrid", "America/Mexico_City", "America/Bogota"}, [2]string{"ES", "Spain"}},
	{5, []string{"João|joao", "Conceição|conceicao", "Mariana|mariana", "Tiago|tiago", "Inês|ines"},
		[]string{"Gonçalves|goncalves", "Araújo|araujo", "Silva|silva", "Marques|marques"},
		[]string{"pt-BR", "pt-PT"}, []string{"America/Sao_Paulo", "Europe/Lisbon"}, [2]string{"BR", "Brazil"}},
	{5, []string{"Martina|martina", "Giuseppe|giuseppe", "Marco|marco", "Chiara|chiara", "Niccolò|niccolo"},
		[]string{"Rossi|rossi", "Bianchi|bianchi", "Esposito|esposito", "Mariani|mariani"},
		[]string{"it-IT"}, []string{"Europe/Rome"}, [2]string{"IT", "Italy"}},
	{4, []string{"Maarten|maarten", "Sanne|sanne", "Daan|daan", "Femke|femke"},
		[]string{"de Vries|devries", "Jansen|jansen", "van den Berg|vandenberg", "Bakker|bakker"},
		[]string{"nl-NL"}, []string{"Europe/Amsterdam"}, [2]string{"NL", "Netherlands"}},
	{4, []string{"Søren|soeren", "Jørgen|joergen", "Åsa|asa", "Jukka|jukka", "Marjatta|marjatta"},
		[]string{"Jørgensen|joergensen", "Mäkinen|makinen", "Virtanen|virtanen", "Nyström|nystrom"},
		[]string{"fi-FI", "en-GB"}, []string{"Europe/Helsinki", "Europe/Copenhagen"}, [2]string{"FI", "Finland"}},
	{4, []string{"Marek|marek", "Łukasz|lukasz", "Zofia|zofia", "Małgorzata|malgorzata"},
		[]string{"Wójcik|wojcik", "Nowak|nowak", "Dvořák|dvorak", "Kowalski|kowalski"},
		[]string{"en-GB"}, []string{"Europe/Warsaw"}, [2]string{"PL", "Poland"}},
	{4, []string{"Иван|ivan", "Олена|olena", "Мария|mariya", "Марина|marina"},
		[]string{"Петров|petrov", "Шевченко|shevchenko", "Коваленко|kovalenko"},
		[]string{"en-GB", "en-US"}, []string{"Europe/Kiev", "Europe/Moscow", "E. Europe"}, [2]string{"UA", "Ukraine"}},
	{4, []string{"محمد|mohammed", "فاطمة|fatima", "أحمد|ahmed", "مريم|maryam"},
		[]string{"الهاشمي|alhashimi", "منصور|mansour", "العلي|alali"},
		[]string{"en-US", "en-GB"}, []string{"Asia/Dubai", "Asia/Riyadh"}, [2]string{"AE", "United Arab Emirates"}},
	{5, []string{"太郎|taro", "花子|hanako", "陽翔|haruto", "結衣|yui"},
		[]string{"山田|yamada", "佐藤|sato", "鈴木|suzuki", "高橋|takahashi"},
		[]string{"ja-JP"}, []string{"Asia/Tokyo"}, [2]string{"JP", "Japan"}},
	{5, []string{"伟|wei", "芳|fang", "明|ming", "美玲|meiling"},
		[]string{"王|wang", "李|li", "陈|chen", "張|zhang"},
		[]string{"zh-CN", "zh-TW", "zh-HK"}, []string{"Asia/Shanghai", "Asia/Taipei", "Asia/Hong_Kong"}, [2]string{"CN", "China"}},
	{3, []string{"민준|minjun", "서연|seoyeon", "지우|jiwoo"},
		[]string{"김|kim", "이|lee", "박|park"},
		[]string{"ko-KR"}, []string{"Asia/Seoul"}, [2]string{"KR", "South Korea"}},
	{4, []string{"Priya|priya", "Arjun|arjun", "Ananya|ananya"},
		[]string{"Sharma|sharma", "Patel|patel", "Iyer|iyer"},
		[]string{"en-GB", "en-US"}, []string{"Asia/Kolkata", "Asia/Calcutta", "Asia/Kathmandu"}, [2]string{"IN", "India"}},
	{2, []string{"Jack|jack", "Olivia|olivia"},
		[]string{"Taylor|taylor", "Wilson|wilson"},
		[]string{"en-GB"}, []string{"Australia/Sydney", "Pacific/Auckland", "America/St_Johns", "Mid-Atlantic"}, [2]string{"AU", "Australia"}},
}

// Non-User extensions: call queues, menus and the like live in the same list.
var otherExtensions = []struct{ typ, name string }{
	{"Department", "Sales Queue"}, {"Department", "Support Queue"}, {"IvrMenu", "Main Menu"},
	{"Announcement", "Holiday Announcement"}, {"Voicemail", "After-hours Voicemail"},
	{"ParkLocation", "Park Location"}, {"SharedLinesGroup", "Front Desk Lines"},
}

// Status weights: a real account is mostly Enabled with a tail of the others.
var statusWeights = []struct {
	status string
	weight int
}{{"Enabled", 85}, {"Disabled", 5}, {"NotActivated", 5}, {"Frozen", 3}, {"Unassigned", 2}}
