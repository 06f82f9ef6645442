//! Walking the goal tree: parents, children, and the document order in
//! which a chief meets the goals.

use super::model::*;

/// Where a unit goal sits: the chain of goals above it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub kf: Option<&'a KfGoal>,
    pub area: Option<&'a AreaGoal>,
    pub committee: Option<&'a CommitteeGoal>,
}

impl Plan {
    pub fn unit_goal(&self, id: &str) -> Option<&UnitGoal> {
        self.unit_goals.iter().find(|g| g.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|x| x.id == id)
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|x| x.id == id)
    }

    pub fn context(&self, goal: &UnitGoal) -> Context<'_> {
        let committee = self
            .committee_goals
            .iter()
            .find(|c| c.id == goal.committee_goal);
        let area = committee.and_then(|c| self.area_goals.iter().find(|a| a.id == c.area_goal));
        let kf = area.and_then(|a| self.kf_goals.iter().find(|k| k.id == a.kf_goal));
        Context {
            kf,
            area,
            committee,
        }
    }

    pub fn indicators_of<'a>(
        &'a self,
        parent: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators.iter().filter(move |x| x.parent == parent)
    }

    pub fn activities_of<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Activity> + 'a {
        self.activities.iter().filter(move |x| x.parent == parent)
    }

    pub fn area_goals_of<'a>(&'a self, kf: &'a str) -> impl Iterator<Item = &'a AreaGoal> + 'a {
        self.area_goals.iter().filter(move |x| x.kf_goal == kf)
    }

    pub fn committee_goals_of<'a>(
        &'a self,
        area: &'a str,
    ) -> impl Iterator<Item = &'a CommitteeGoal> + 'a {
        self.committee_goals
            .iter()
            .filter(move |x| x.area_goal == area)
    }

    pub fn unit_goals_of<'a>(
        &'a self,
        committee: &'a str,
    ) -> impl Iterator<Item = &'a UnitGoal> + 'a {
        self.unit_goals
            .iter()
            .filter(move |x| x.committee_goal == committee)
    }

    /// The ids of the goal and every goal above it, top first.
    pub fn chain(&self, goal: &UnitGoal) -> Vec<String> {
        let ctx = self.context(goal);
        let mut ids: Vec<String> = Vec::new();
        ids.extend(ctx.kf.map(|g| g.id.clone()));
        ids.extend(ctx.area.map(|g| g.id.clone()));
        ids.extend(ctx.committee.map(|g| g.id.clone()));
        ids.push(goal.id.clone());
        ids
    }

    /// Indicators a chief follows up with this goal: those of the goals
    /// above it (where the plans put most of them) and its own.
    pub fn indicators_for_goal<'a>(&'a self, goal: &'a UnitGoal) -> Vec<&'a Indicator> {
        let chain = self.chain(goal);
        chain
            .iter()
            .flat_map(|id| self.indicators.iter().filter(move |x| &x.parent == id))
            .collect()
    }

    pub fn activities_for_goal<'a>(&'a self, goal: &'a UnitGoal) -> Vec<&'a Activity> {
        let chain = self.chain(goal);
        chain
            .iter()
            .flat_map(|id| self.activities.iter().filter(move |x| &x.parent == id))
            .collect()
    }

    /// Puts every list in document order: sections before the goal tree
    /// first, goals in the order of the tree above them, indicators and
    /// activities in the order of their parents. The order within one
    /// parent is kept. A written plan is read back exactly in this order.
    pub fn normalize(&mut self) {
        // An empty field reads back as empty text whatever form it had.
        for g in &mut self.unit_goals {
            for p in [
                &mut g.ways_of_working,
                &mut g.resources,
                &mut g.follow_up,
                &mut g.development,
                &mut g.comment,
            ] {
                if p.is_empty() {
                    *p = Points::Text(String::new());
                }
            }
        }
        self.sections.sort_by_key(|s| s.after_goals);
        let kf_pos = |id: &str| {
            self.kf_goals
                .iter()
                .position(|g| g.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut area = std::mem::take(&mut self.area_goals);
        area.sort_by_key(|a| kf_pos(&a.kf_goal));
        self.area_goals = area;
        let area_pos = |id: &str| {
            self.area_goals
                .iter()
                .position(|g| g.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut committee = std::mem::take(&mut self.committee_goals);
        committee.sort_by_key(|c| area_pos(&c.area_goal));
        self.committee_goals = committee;
        let committee_pos = |id: &str| {
            self.committee_goals
                .iter()
                .position(|g| g.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut unit = std::mem::take(&mut self.unit_goals);
        unit.sort_by_key(|u| committee_pos(&u.committee_goal));
        self.unit_goals = unit;
        let order = self.goal_order();
        let pos = |id: &str| order.iter().position(|g| *g == id).unwrap_or(usize::MAX);
        let mut ind = std::mem::take(&mut self.indicators);
        ind.sort_by_key(|x| pos(&x.parent));
        let mut act = std::mem::take(&mut self.activities);
        act.sort_by_key(|x| pos(&x.parent));
        self.indicators = ind;
        self.activities = act;
    }

    /// Every goal id in the order the writer emits them.
    pub fn goal_order(&self) -> Vec<String> {
        let mut out = Vec::new();
        for kf in &self.kf_goals {
            out.push(kf.id.clone());
            for area in self.area_goals_of(&kf.id) {
                out.push(area.id.clone());
                for c in self.committee_goals_of(&area.id) {
                    out.push(c.id.clone());
                    for u in self.unit_goals_of(&c.id) {
                        out.push(u.id.clone());
                    }
                }
            }
        }
        out
    }
}
