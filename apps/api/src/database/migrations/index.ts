// Every migration in order. `npm run migration:generate -- <Name>` adds new ones here.
import { BookingOrigin1795476000000 } from './1795476000000-BookingOrigin';
import { Accounts1795471000000 } from './1795471000000-Accounts';
import { HelperNotices1795473000000 } from './1795473000000-HelperNotices';
import { Closures1795474000000 } from './1795474000000-Closures';
import { PrivacyProof1795477000000 } from './1795477000000-PrivacyProof';
import { RateLimits1795475000000 } from './1795475000000-RateLimits';
import { SignInThrottle1795472000000 } from './1795472000000-SignInThrottle';
import { StaffBookings1795470000000 } from './1795470000000-StaffBookings';
import { PublicReadIndexes1795461000000 } from './1795461000000-PublicReadIndexes';
import { SessionSummaries1795460000000 } from './1795460000000-SessionSummaries';
import { TrustAndPrivacy1795448634618 } from './1795448634618-TrustAndPrivacy';
import { StatisticsIndexes1795447890457 } from './1795447890457-StatisticsIndexes';
import { PartnersAndInsights1795445450235 } from './1795445450235-PartnersAndInsights';
import { HoursAndOcn1795439136346 } from './1795439136346-HoursAndOcn';
import { HelperDesk1795438814695 } from './1795438814695-HelperDesk';
import { Bookings1795436238258 } from './1795436238258-Bookings';
import { UsersSchedulesSessions1795428620985 } from './1795428620985-UsersSchedulesSessions';
import { CreateSites1795426841466 } from './1795426841466-CreateSites';
export const migrations: Function[] = [
  CreateSites1795426841466,
  UsersSchedulesSessions1795428620985,
  Bookings1795436238258,
  HelperDesk1795438814695,
  HoursAndOcn1795439136346,
  PartnersAndInsights1795445450235,
  StatisticsIndexes1795447890457,
  TrustAndPrivacy1795448634618,
  SessionSummaries1795460000000,
  PublicReadIndexes1795461000000,
  StaffBookings1795470000000,
  Accounts1795471000000,
  SignInThrottle1795472000000,
  HelperNotices1795473000000,
  Closures1795474000000,
  RateLimits1795475000000,
  BookingOrigin1795476000000,
  PrivacyProof1795477000000,
];
