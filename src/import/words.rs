//! The built-in word lists of the OCR repairs: words of the city's plans
//! spelled with å, ä, ö, and plain words a confusion must not touch.

/// Words every plan uses; the dictionary also learns the words of the
/// bundled plans and the correctly spelled words of the input itself.
pub const COMMON: &str = "och är år på för från där då så när även över också också måste ska
    ökad ökat öka ökar ökade äldre äldres äldreomsorg äldreomsorgen hälsa hälso stöd stödja
    mål målet målen nämnd nämnden nämndens nämndmål enhetsmål områdesmål avdelningsmål
    förväntat förväntade resultat arbetssätt arbetssättet uppföljning utveckling
    resursanvändning kommentar beskrivning inriktningsmål verksamhetsområdet årsmål
    periodicitet månad månadsvis stadsdelsnämnd stadsdelsnämnden stadsdelsnämndens
    förvaltningen medarbetare medarbetarna medarbetarnas chefer enhetschef möjlighet
    möjligheter delaktighet delaktig trygghet tryggt trygga självständighet självständigt
    vård vården omsorg omvårdnad förebyggande förebygga utföra utför utförs utförande
    genomförande genomförs genomför genomföra genomförandeplan genomförandeplanen
    säkerställa säkerställer kunskap kännedom känna känner kända känd högre hög höga
    miljö miljön miljövänliga miljösmart klimatpåverkan välfärdsbrott välfärd jämställt
    jämställdhet jämlik öppet öppen rättvis rättssäkra bemötande möten mötet möte
    arbetsplatsträff arbetsplatsträffar användning använder används användandet
    inköp inköpen inköpta köper köps bättre förbättra förbättras tillgänglighet
    beställer beställningar hemtjänst hemtjänsten hemtjänsttagare behöver behov
    något någon några sådana såsom både följs följer följa följsamhet uppföljningar
    tjänst tjänster utbildning utbildningar ansvar ledarskap ledarskapet närvarande
    rådighet rådande beredskap händelser hållbar hållbara hållbart områden området
    områdets enheternas enheterna enheten enhetens giftfri giftfria livsmiljö
    framkomlighet utsläpp minskade växa yrkesroll yrkesroller stärker stärka
    myndighetsutövning personcentrerade samordnade insatser insatserna kunden kunder
    omvårdnadsinsatser omsorgsinsatser regelverk stadsdelsförvaltningens avtal
    demokratiskt likvärdigt rättssäkra energieffektiv klimatsmarta ekologiska
    produkter medarbetarskapet medarbetaren huvudmän
    utifrån gång gången året åren nås nå påverka påverkan görs gör göra gjort
    förutsättningar förutsättning arbetsmiljö arbetsmiljön arbetsmiljöarbetet två
    gällande gäller gälla måltid måltider måltiden präglas präglar årligen årlig
    årliga fortsätter fortsätta fortsatt lärande lärdom fånga mångfald mångfalden
    möjligt möjligheten område områden områdena består bestå första håller hålla
    hålls nära närhet närstående års förändring förändringar får få åtgärd
    åtgärder åtgärda sätt sättet otillåten månaden månader klagomål välbefinnande
    våld särskilt särskild rätt rätten rättigheter rättigheterna nöjd nöjda
    frågor fråga grön grönt gröna invånare invånarna invånarnas större största
    genomfört inför utsträckning gå går mänskliga biståndsbeslut innehållet
    innehåll önskemål önskar hjälp hjälpen uppsökande förebygger språk
    hälsofrämjande främja främjar utgår utgå förutom levnadsberättelse
    levnadsberättelser enkät enkäten svårigheter svårt lätt tillfälliga
    tillfällen besök besöker möter möta upprättad upprätta upprättas
    upprättandet köpa köp köpt stärka stärkas stärks hämtas häll källsortera
    källsorterar intranätet riskbedömning riskbedömningar säker säkra
    säkerhet informationssäkerhet plastanvändning färre svår svåra sårbara
    sårbarhet förskola förskolor tvätt medarbetarenkät medarbetarenkäten
    funktionsnedsättning sjukfrånvaro sjukfrånvaron kompetensförsörjning
    tillsvidareanställda anställda nyanställda kränkande särbehandling
    förhållningssätt förhållningssätten stående deltagarförteckning
    frisknärvaro uppmärksamma uppmärksammar inställning friskvårdsbidraget
    förmåga lösning lösningar båda bedömning bedömningar bedömer bedöms
    företag begär målgruppen målgrupp medborgarförslag män kvinnor
    förslag förslaget utförs utförda utfört hemtjänstens vårdbiträden
    undersköterskor undersköterska äldreomsorgens ohälsa väl välfärdsteknik
    synliggöra lyhörda primärvårdens biståndshandläggaren omställning
    omställningen klimatomställning förbrukningsartiklar istället
    leverantörer ersättas engångsartiklar flergångsartiklar civilsamhället
    hållbarhetsarbetet innebär innebära eftersträvas tjänstedesign
    klimatfrågorna nätverksträffar arbetsplatsträffarna kvällspatrull
    heltidsanställningar anhöriga anhörigperspektivet stödet sjukvården
    undernäring näringsriktig måltidsservice tillgång därutöver
    mötesplatser umgänge främjar likvärdiga utgångspunkt hälsosamt åldras
    färdiga därefter underleverantör ämnet utvecklingsområden
    självbestämmande värdighet bedömda stödja säkerställas kvalitetssäkring
    målsättning brukarundersökning brukarundersökningens överföring
    informationsöverföring övergripande förmedlar vidareförmedlar lön
    löner lönekriterier läsa lära lär kännedom kännetecknas öppna
    tydlig tydligt tydliga växer vägledning väg vägar förbättring
    förbättringar förbättringsarbete förändras ändring ändringar
    därför därmed således följande följt följande fördel förhindra
    förhindras förebyggs förstå förståelse förväntningar genomgång
    genomgångar händelse hänt kräver krävs kännas kännetecken
    lämplig lämpliga närvaro närvarande nödvändigt nödvändiga på
    rådgivning samråd särskilda sänka sänks tillämpa tillämpas
    underlätta uppnå uppnås uppnått utbildningsinsatser värdegrund
    värdegrunden åtagande åtaganden återkoppling återkommande
    ökning ökande översyn övrigt övriga";

/// Common words spelled right without å, ä, ö that a confusion could turn
/// into another word ("har" is not "här"); known so they are left alone.
pub const PLAIN: &str = "har hade var vara varit man kan kunna ska skall att det den de dem
    som med mot vid via vad sin sina sitt sig vi ni alla allt andra annat bland
    dag dagar tid stad hand land dess tas tar ta ha samt bra mer mera mest ny nya
    stor stora god goda olika inom genom under mellan efter utan blir bli blev
    sker ske enligt minst bara kommer andel antal arbete arbeta arbetar arbetet
    kunder kund ort ton tal mat maten data gamla hela helt sedan sant
    alltid aldrig annan enda ena redan dock fast klar klara plan planen planer
    sjukdom vecka veckor ansvar gruppen grupp grupper samarbete lag lagen ramen
    start tertial bedrivs hantera";
