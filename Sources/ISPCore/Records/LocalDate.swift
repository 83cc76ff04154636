#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
// The local time zone is the system's: FoundationEssentials knows none but GMT (its TimeZone.current is GMT whatever
// TZ says), and all of Foundation would bring ICU into the program for it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CalendarDate {
    /// Today where the user is (the local time zone).
    public static func today(now: Date = Date()) -> CalendarDate {
        var seconds = time_t(now.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        return CalendarDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
            ?? CalendarDate(unchecked: 1970, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
