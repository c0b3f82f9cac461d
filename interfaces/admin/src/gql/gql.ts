/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditTimeline($id: UUID!, $asOf: DateTime, $axis: TimeAxis!, $after: String) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      history(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { position eventType aggregateType actor recordedAt occurredAt data internal }\n      }\n    }\n  }\n": typeof types.AuditTimelineDocument,
    "\n  query SlaWhatIf($policyId: UUID!, $from: DateTime!) {\n    slaSimulation(policyId: $policyId, from: $from) {\n      complaints\n      bySeverity {\n        severity\n        complaints\n        actual { clock percent met answered }\n        simulated { clock percent met answered }\n      }\n    }\n  }\n": typeof types.SlaWhatIfDocument,
    "\n  query ComplaintQueue($filter: ComplaintFilter, $first: Int!) {\n    complaints(filter: $filter, first: $first) {\n      nodes {\n        id\n        engagementId\n        engagement { title }\n        severity\n        category\n        description\n        state\n        receivedAt\n        assignee\n        acknowledgedBy\n        escalationLevel\n        firstResponseDue\n        firstResponseWarningAt\n        resolutionDue\n        resolutionWarningAt\n        slaBreaches\n      }\n    }\n    engagements(first: 100) { nodes { id } }\n  }\n": typeof types.ComplaintQueueDocument,
    "\n  subscription ComplaintEvents($engagementId: UUID!) {\n    engagementEvents(engagementId: $engagementId) { position aggregateType eventType }\n  }\n": typeof types.ComplaintEventsDocument,
    "\n  query ViewsReached($position: Int!) { viewsReached(position: $position) }\n": typeof types.ViewsReachedDocument,
    "\n  query Cockpit($id: UUID!, $asOf: DateTime, $axis: TimeAxis!) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      id\n      title\n      clientName\n      owner\n      state\n      health\n      healthReasons\n      cpi\n      spi\n      asOf\n      asOfAxis\n      budget {\n        currency\n        budget\n        actualCost\n        remainingBudget\n        consumedPercent\n        elapsedPercent\n        burnRatePerWeek\n        projectedExhaustion\n        earnedValue { plannedValue earnedValue cpi spi eac }\n        burn { week actualCost plannedValue earnedValue }\n      }\n      satisfaction {\n        csatMean\n        csatResponses\n        nps\n        npsResponses\n        complaintsReceived\n        slaBreaches\n        weekly { week csatMean nps }\n      }\n      progress { milestonesTotal milestonesCompleted acceptancePercent latestRag }\n      riskRegister {\n        risksTotal\n        heatMap\n        topExposures { riskId title exposure level hasResponsePlan }\n      }\n      milestones { id name dueOn weight completedAt }\n      team { person role area }\n      objectives { id description metric target dueOn actual }\n      communicationPlan { cadence channels audience }\n      meetings { id heldOn attendees agenda minutes actionItems { description owner dueOn } }\n      statusReports { periodStart periodEnd rag summary nextSteps publishedAt }\n      requirements(first: 100) {\n        nodes { id title priority state requestedBy criteria { id text unmet } }\n      }\n      risks(first: 100) {\n        nodes { id title category owner state probability impact exposure level strategy nextReviewOn }\n      }\n      complaints(first: 100) {\n        nodes { id category severity state assignee receivedAt }\n      }\n    }\n  }\n": typeof types.CockpitDocument,
    "\n  query Projections {\n    projections {\n      name\n      position\n      head\n      lag\n      failure { position eventType error failedAt attempts }\n    }\n  }\n": typeof types.ProjectionsDocument,
    "\n  query Tokens {\n    tokens { id name role clientId createdAt revokedAt }\n  }\n": typeof types.TokensDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      clientId\n      createdAt\n      createdBy\n      position\n      failingSince\n      disabledAt\n      disabledReason\n      deliveries(first: 10) { nodes { position attempt attemptedAt status error latencyMs } }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  query SlaSetup {\n    slaPolicies(first: 100) {\n      nodes {\n        id\n        name\n        isDefault\n        warningPercent\n        calendarId\n        targets { severity firstResponseMinutes resolutionMinutes }\n      }\n    }\n    businessCalendars(first: 100) { nodes { id name timeZone holidays hours { day start end } } }\n  }\n": typeof types.SlaSetupDocument,
    "\n  mutation ReplayViews($views: [String!]) {\n    replayViews(views: $views) {\n      __typename\n      ... on ViewsReplayed { views events }\n      ... on Error { message }\n    }\n  }\n": typeof types.ReplayViewsDocument,
    "\n  mutation VerifyViews($views: [String!]) {\n    verifyViews(views: $views) {\n      __typename\n      ... on ViewsVerified { views differences { view key problem } }\n      ... on Error { message }\n    }\n  }\n": typeof types.VerifyViewsDocument,
    "\n  mutation RevokeToken($id: UUID!) {\n    revokeToken(id: $id) { __typename ... on Error { message } }\n  }\n": typeof types.RevokeTokenDocument,
    "mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }": typeof types.DisableWebhookDocument,
    "mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }": typeof types.EnableWebhookDocument,
    "mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }": typeof types.RemoveWebhookDocument,
    "\n  query PortfolioPage($filter: EngagementFilter, $first: Int!, $after: String) {\n    portfolio {\n      engagements\n      byHealth { key count }\n      byState { key count }\n    }\n    engagements(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        title\n        clientName\n        state\n        health\n        cpi\n        spi\n        budget { consumedPercent }\n        satisfaction { csatMean nps complaintsReceived openBySeverity { key count } slaBreaches }\n        riskRegister { topExposures { title exposure level } }\n      }\n    }\n  }\n": typeof types.PortfolioPageDocument,
    "\n  query Me {\n    me {\n      tokenId\n      name\n      role\n      clientId\n      mutations\n      seesOperations\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query AuditTimeline($id: UUID!, $asOf: DateTime, $axis: TimeAxis!, $after: String) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      history(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { position eventType aggregateType actor recordedAt occurredAt data internal }\n      }\n    }\n  }\n": types.AuditTimelineDocument,
    "\n  query SlaWhatIf($policyId: UUID!, $from: DateTime!) {\n    slaSimulation(policyId: $policyId, from: $from) {\n      complaints\n      bySeverity {\n        severity\n        complaints\n        actual { clock percent met answered }\n        simulated { clock percent met answered }\n      }\n    }\n  }\n": types.SlaWhatIfDocument,
    "\n  query ComplaintQueue($filter: ComplaintFilter, $first: Int!) {\n    complaints(filter: $filter, first: $first) {\n      nodes {\n        id\n        engagementId\n        engagement { title }\n        severity\n        category\n        description\n        state\n        receivedAt\n        assignee\n        acknowledgedBy\n        escalationLevel\n        firstResponseDue\n        firstResponseWarningAt\n        resolutionDue\n        resolutionWarningAt\n        slaBreaches\n      }\n    }\n    engagements(first: 100) { nodes { id } }\n  }\n": types.ComplaintQueueDocument,
    "\n  subscription ComplaintEvents($engagementId: UUID!) {\n    engagementEvents(engagementId: $engagementId) { position aggregateType eventType }\n  }\n": types.ComplaintEventsDocument,
    "\n  query ViewsReached($position: Int!) { viewsReached(position: $position) }\n": types.ViewsReachedDocument,
    "\n  query Cockpit($id: UUID!, $asOf: DateTime, $axis: TimeAxis!) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      id\n      title\n      clientName\n      owner\n      state\n      health\n      healthReasons\n      cpi\n      spi\n      asOf\n      asOfAxis\n      budget {\n        currency\n        budget\n        actualCost\n        remainingBudget\n        consumedPercent\n        elapsedPercent\n        burnRatePerWeek\n        projectedExhaustion\n        earnedValue { plannedValue earnedValue cpi spi eac }\n        burn { week actualCost plannedValue earnedValue }\n      }\n      satisfaction {\n        csatMean\n        csatResponses\n        nps\n        npsResponses\n        complaintsReceived\n        slaBreaches\n        weekly { week csatMean nps }\n      }\n      progress { milestonesTotal milestonesCompleted acceptancePercent latestRag }\n      riskRegister {\n        risksTotal\n        heatMap\n        topExposures { riskId title exposure level hasResponsePlan }\n      }\n      milestones { id name dueOn weight completedAt }\n      team { person role area }\n      objectives { id description metric target dueOn actual }\n      communicationPlan { cadence channels audience }\n      meetings { id heldOn attendees agenda minutes actionItems { description owner dueOn } }\n      statusReports { periodStart periodEnd rag summary nextSteps publishedAt }\n      requirements(first: 100) {\n        nodes { id title priority state requestedBy criteria { id text unmet } }\n      }\n      risks(first: 100) {\n        nodes { id title category owner state probability impact exposure level strategy nextReviewOn }\n      }\n      complaints(first: 100) {\n        nodes { id category severity state assignee receivedAt }\n      }\n    }\n  }\n": types.CockpitDocument,
    "\n  query Projections {\n    projections {\n      name\n      position\n      head\n      lag\n      failure { position eventType error failedAt attempts }\n    }\n  }\n": types.ProjectionsDocument,
    "\n  query Tokens {\n    tokens { id name role clientId createdAt revokedAt }\n  }\n": types.TokensDocument,
    "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      clientId\n      createdAt\n      createdBy\n      position\n      failingSince\n      disabledAt\n      disabledReason\n      deliveries(first: 10) { nodes { position attempt attemptedAt status error latencyMs } }\n    }\n  }\n": types.WebhooksDocument,
    "\n  query SlaSetup {\n    slaPolicies(first: 100) {\n      nodes {\n        id\n        name\n        isDefault\n        warningPercent\n        calendarId\n        targets { severity firstResponseMinutes resolutionMinutes }\n      }\n    }\n    businessCalendars(first: 100) { nodes { id name timeZone holidays hours { day start end } } }\n  }\n": types.SlaSetupDocument,
    "\n  mutation ReplayViews($views: [String!]) {\n    replayViews(views: $views) {\n      __typename\n      ... on ViewsReplayed { views events }\n      ... on Error { message }\n    }\n  }\n": types.ReplayViewsDocument,
    "\n  mutation VerifyViews($views: [String!]) {\n    verifyViews(views: $views) {\n      __typename\n      ... on ViewsVerified { views differences { view key problem } }\n      ... on Error { message }\n    }\n  }\n": types.VerifyViewsDocument,
    "\n  mutation RevokeToken($id: UUID!) {\n    revokeToken(id: $id) { __typename ... on Error { message } }\n  }\n": types.RevokeTokenDocument,
    "mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }": types.DisableWebhookDocument,
    "mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }": types.EnableWebhookDocument,
    "mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }": types.RemoveWebhookDocument,
    "\n  query PortfolioPage($filter: EngagementFilter, $first: Int!, $after: String) {\n    portfolio {\n      engagements\n      byHealth { key count }\n      byState { key count }\n    }\n    engagements(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        title\n        clientName\n        state\n        health\n        cpi\n        spi\n        budget { consumedPercent }\n        satisfaction { csatMean nps complaintsReceived openBySeverity { key count } slaBreaches }\n        riskRegister { topExposures { title exposure level } }\n      }\n    }\n  }\n": types.PortfolioPageDocument,
    "\n  query Me {\n    me {\n      tokenId\n      name\n      role\n      clientId\n      mutations\n      seesOperations\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTimeline($id: UUID!, $asOf: DateTime, $axis: TimeAxis!, $after: String) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      history(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { position eventType aggregateType actor recordedAt occurredAt data internal }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditTimeline($id: UUID!, $asOf: DateTime, $axis: TimeAxis!, $after: String) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      history(first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { position eventType aggregateType actor recordedAt occurredAt data internal }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaWhatIf($policyId: UUID!, $from: DateTime!) {\n    slaSimulation(policyId: $policyId, from: $from) {\n      complaints\n      bySeverity {\n        severity\n        complaints\n        actual { clock percent met answered }\n        simulated { clock percent met answered }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SlaWhatIf($policyId: UUID!, $from: DateTime!) {\n    slaSimulation(policyId: $policyId, from: $from) {\n      complaints\n      bySeverity {\n        severity\n        complaints\n        actual { clock percent met answered }\n        simulated { clock percent met answered }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintQueue($filter: ComplaintFilter, $first: Int!) {\n    complaints(filter: $filter, first: $first) {\n      nodes {\n        id\n        engagementId\n        engagement { title }\n        severity\n        category\n        description\n        state\n        receivedAt\n        assignee\n        acknowledgedBy\n        escalationLevel\n        firstResponseDue\n        firstResponseWarningAt\n        resolutionDue\n        resolutionWarningAt\n        slaBreaches\n      }\n    }\n    engagements(first: 100) { nodes { id } }\n  }\n"): (typeof documents)["\n  query ComplaintQueue($filter: ComplaintFilter, $first: Int!) {\n    complaints(filter: $filter, first: $first) {\n      nodes {\n        id\n        engagementId\n        engagement { title }\n        severity\n        category\n        description\n        state\n        receivedAt\n        assignee\n        acknowledgedBy\n        escalationLevel\n        firstResponseDue\n        firstResponseWarningAt\n        resolutionDue\n        resolutionWarningAt\n        slaBreaches\n      }\n    }\n    engagements(first: 100) { nodes { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ComplaintEvents($engagementId: UUID!) {\n    engagementEvents(engagementId: $engagementId) { position aggregateType eventType }\n  }\n"): (typeof documents)["\n  subscription ComplaintEvents($engagementId: UUID!) {\n    engagementEvents(engagementId: $engagementId) { position aggregateType eventType }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewsReached($position: Int!) { viewsReached(position: $position) }\n"): (typeof documents)["\n  query ViewsReached($position: Int!) { viewsReached(position: $position) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cockpit($id: UUID!, $asOf: DateTime, $axis: TimeAxis!) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      id\n      title\n      clientName\n      owner\n      state\n      health\n      healthReasons\n      cpi\n      spi\n      asOf\n      asOfAxis\n      budget {\n        currency\n        budget\n        actualCost\n        remainingBudget\n        consumedPercent\n        elapsedPercent\n        burnRatePerWeek\n        projectedExhaustion\n        earnedValue { plannedValue earnedValue cpi spi eac }\n        burn { week actualCost plannedValue earnedValue }\n      }\n      satisfaction {\n        csatMean\n        csatResponses\n        nps\n        npsResponses\n        complaintsReceived\n        slaBreaches\n        weekly { week csatMean nps }\n      }\n      progress { milestonesTotal milestonesCompleted acceptancePercent latestRag }\n      riskRegister {\n        risksTotal\n        heatMap\n        topExposures { riskId title exposure level hasResponsePlan }\n      }\n      milestones { id name dueOn weight completedAt }\n      team { person role area }\n      objectives { id description metric target dueOn actual }\n      communicationPlan { cadence channels audience }\n      meetings { id heldOn attendees agenda minutes actionItems { description owner dueOn } }\n      statusReports { periodStart periodEnd rag summary nextSteps publishedAt }\n      requirements(first: 100) {\n        nodes { id title priority state requestedBy criteria { id text unmet } }\n      }\n      risks(first: 100) {\n        nodes { id title category owner state probability impact exposure level strategy nextReviewOn }\n      }\n      complaints(first: 100) {\n        nodes { id category severity state assignee receivedAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cockpit($id: UUID!, $asOf: DateTime, $axis: TimeAxis!) {\n    engagement(id: $id, asOf: $asOf, axis: $axis) {\n      id\n      title\n      clientName\n      owner\n      state\n      health\n      healthReasons\n      cpi\n      spi\n      asOf\n      asOfAxis\n      budget {\n        currency\n        budget\n        actualCost\n        remainingBudget\n        consumedPercent\n        elapsedPercent\n        burnRatePerWeek\n        projectedExhaustion\n        earnedValue { plannedValue earnedValue cpi spi eac }\n        burn { week actualCost plannedValue earnedValue }\n      }\n      satisfaction {\n        csatMean\n        csatResponses\n        nps\n        npsResponses\n        complaintsReceived\n        slaBreaches\n        weekly { week csatMean nps }\n      }\n      progress { milestonesTotal milestonesCompleted acceptancePercent latestRag }\n      riskRegister {\n        risksTotal\n        heatMap\n        topExposures { riskId title exposure level hasResponsePlan }\n      }\n      milestones { id name dueOn weight completedAt }\n      team { person role area }\n      objectives { id description metric target dueOn actual }\n      communicationPlan { cadence channels audience }\n      meetings { id heldOn attendees agenda minutes actionItems { description owner dueOn } }\n      statusReports { periodStart periodEnd rag summary nextSteps publishedAt }\n      requirements(first: 100) {\n        nodes { id title priority state requestedBy criteria { id text unmet } }\n      }\n      risks(first: 100) {\n        nodes { id title category owner state probability impact exposure level strategy nextReviewOn }\n      }\n      complaints(first: 100) {\n        nodes { id category severity state assignee receivedAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projections {\n    projections {\n      name\n      position\n      head\n      lag\n      failure { position eventType error failedAt attempts }\n    }\n  }\n"): (typeof documents)["\n  query Projections {\n    projections {\n      name\n      position\n      head\n      lag\n      failure { position eventType error failedAt attempts }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens {\n    tokens { id name role clientId createdAt revokedAt }\n  }\n"): (typeof documents)["\n  query Tokens {\n    tokens { id name role clientId createdAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      clientId\n      createdAt\n      createdBy\n      position\n      failingSince\n      disabledAt\n      disabledReason\n      deliveries(first: 10) { nodes { position attempt attemptedAt status error latencyMs } }\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      id\n      url\n      eventTypes\n      clientId\n      createdAt\n      createdBy\n      position\n      failingSince\n      disabledAt\n      disabledReason\n      deliveries(first: 10) { nodes { position attempt attemptedAt status error latencyMs } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaSetup {\n    slaPolicies(first: 100) {\n      nodes {\n        id\n        name\n        isDefault\n        warningPercent\n        calendarId\n        targets { severity firstResponseMinutes resolutionMinutes }\n      }\n    }\n    businessCalendars(first: 100) { nodes { id name timeZone holidays hours { day start end } } }\n  }\n"): (typeof documents)["\n  query SlaSetup {\n    slaPolicies(first: 100) {\n      nodes {\n        id\n        name\n        isDefault\n        warningPercent\n        calendarId\n        targets { severity firstResponseMinutes resolutionMinutes }\n      }\n    }\n    businessCalendars(first: 100) { nodes { id name timeZone holidays hours { day start end } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayViews($views: [String!]) {\n    replayViews(views: $views) {\n      __typename\n      ... on ViewsReplayed { views events }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayViews($views: [String!]) {\n    replayViews(views: $views) {\n      __typename\n      ... on ViewsReplayed { views events }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyViews($views: [String!]) {\n    verifyViews(views: $views) {\n      __typename\n      ... on ViewsVerified { views differences { view key problem } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyViews($views: [String!]) {\n    verifyViews(views: $views) {\n      __typename\n      ... on ViewsVerified { views differences { view key problem } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($id: UUID!) {\n    revokeToken(id: $id) { __typename ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation RevokeToken($id: UUID!) {\n    revokeToken(id: $id) { __typename ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }"): (typeof documents)["mutation DisableWebhook($id: UUID!) { disableWebhook(id: $id) { __typename ... on Error { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }"): (typeof documents)["mutation EnableWebhook($id: UUID!) { enableWebhook(id: $id) { __typename ... on Error { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }"): (typeof documents)["mutation RemoveWebhook($id: UUID!) { removeWebhook(id: $id) { __typename ... on Error { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortfolioPage($filter: EngagementFilter, $first: Int!, $after: String) {\n    portfolio {\n      engagements\n      byHealth { key count }\n      byState { key count }\n    }\n    engagements(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        title\n        clientName\n        state\n        health\n        cpi\n        spi\n        budget { consumedPercent }\n        satisfaction { csatMean nps complaintsReceived openBySeverity { key count } slaBreaches }\n        riskRegister { topExposures { title exposure level } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortfolioPage($filter: EngagementFilter, $first: Int!, $after: String) {\n    portfolio {\n      engagements\n      byHealth { key count }\n      byState { key count }\n    }\n    engagements(filter: $filter, first: $first, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        title\n        clientName\n        state\n        health\n        cpi\n        spi\n        budget { consumedPercent }\n        satisfaction { csatMean nps complaintsReceived openBySeverity { key count } slaBreaches }\n        riskRegister { topExposures { title exposure level } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      tokenId\n      name\n      role\n      clientId\n      mutations\n      seesOperations\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      tokenId\n      name\n      role\n      clientId\n      mutations\n      seesOperations\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;