import { graphql } from '../../graphql/generated';

export const InsightsDashboardQuery = graphql(`
  query InsightsDashboard($days: Int!, $categoryId: ID) {
    categories {
      id
      name
    }
    insightsDashboard(days: $days, categoryId: $categoryId) {
      days
      from
      to
      categoryId
      responseTimes {
        firstResponse {
          median
          p90
          count
        }
        solution {
          median
          p90
          count
        }
        weekly {
          weekStart
          questions
          firstResponse {
            median
          }
          solution {
            median
          }
        }
      }
      solved {
        questions
        solved
        solvedByCommunity
        share
        shareByCommunity
      }
      unansweredByAge {
        bucket
        label
        count
      }
      deflection(top: 5) {
        sessions
        asked
        deflectedSessions
        shown
        clicked
        deflected
      }
      escalationsByPriority {
        band
        status
        count
      }
      sentimentTrend {
        weekStart
        posts
        meanScore
        negativeShare
      }
      topAdvocates(first: 5) {
        member {
          id
          handle
        }
        acceptedAnswers
        askersHelped
        advocate
      }
      hiddenInfluencers(first: 5) {
        member {
          id
          handle
        }
        rank
        outOf
        why
      }
    }
  }
`);
