"""Fitting the core's small logistic models (see ``newscorpus.reading.learned``): shared by the
training scripts in this folder."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from newscorpus.reading.learned import as_json

PENALTY = 1.0
FOLDS = 5


def fit(
    features: np.ndarray, labels: np.ndarray, penalty: float = PENALTY
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, scale and weights (intercept last) of an L2-penalised logistic regression,
    fitted on standardised features by Newton's method."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    weights = np.zeros(design.shape[1])
    ridge = penalty * np.eye(design.shape[1])
    ridge[-1, -1] = 0.0
    for _ in range(50):
        probability = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (probability - labels) + ridge @ weights
        hessian = (design.T * (probability * (1 - probability))) @ design + ridge
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-9:
            break
    return mean, scale, weights


def fit_choice(
    features: np.ndarray,
    labels: np.ndarray,
    groups: np.ndarray,
    penalty: float = PENALTY,
    steps: int = 3000,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, scale and weights (intercept last) of a conditional logit: within each group
    (a page's candidates) the chance of a candidate is exp(u) / (1 + sum of exp(u)), the 1
    standing for "none of them". Fitted by Adam on the L2-penalised likelihood that a
    group's chosen one is among its right candidates (or none, in a group with none)."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    count = int(groups.max()) + 1
    has_right = np.zeros(count)
    np.add.at(has_right, groups, labels)
    has_right = has_right[groups] > 0
    weights = np.zeros(design.shape[1])
    moment, second = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        chances = choice_chances(design @ weights, groups, count)
        right = chances * labels
        right_total = np.zeros(count)
        np.add.at(right_total, groups, right)
        target = np.where(has_right, right / np.maximum(right_total[groups], 1e-300), 0.0)
        gradient = design.T @ (chances - target) + penalty * np.r_[weights[:-1], 0.0]
        moment = 0.9 * moment + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        unbiased = moment / (1 - 0.9**step)
        weights -= 0.05 * unbiased / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return mean, scale, weights


def choice_chances(utility: np.ndarray, groups: np.ndarray, count: int) -> np.ndarray:
    """Each candidate's chance within its group, beside the group's "none of them"."""
    exp = np.exp(np.clip(utility, -30, 30))
    totals = np.ones(count)
    np.add.at(totals, groups, exp)
    return exp / totals[groups]


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], features: np.ndarray) -> np.ndarray:
    mean, scale, weights = model
    design = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    return 1.0 / (1.0 + np.exp(-design @ weights))


def site_folds(sites: Sequence[str], folds: int = FOLDS) -> np.ndarray:
    """A fold number for each row, by site: no site is scored by a model that saw it."""
    return np.array([int(hashlib.sha1(s.encode()).hexdigest(), 16) % folds for s in sites])


def cross_validated(features: np.ndarray, labels: np.ndarray, sites: Sequence[str]) -> np.ndarray:
    """Each row's probability from a model fitted on the other folds' sites."""
    folds = site_folds(sites)
    probability = np.zeros(len(labels))
    for fold in range(FOLDS):
        model = fit(features[folds != fold], labels[folds != fold])
        probability[folds == fold] = predict(model, features[folds == fold])
    return probability


def cross_validated_choice(
    features: np.ndarray, labels: np.ndarray, groups: np.ndarray, sites: Sequence[str]
) -> np.ndarray:
    """Each candidate's chance within its group from a conditional logit fitted on the
    other folds' sites."""
    folds = site_folds(sites)
    chances = np.zeros(len(labels))
    count = int(groups.max()) + 1
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        mean, scale, weights = fit_choice(features[train], labels[train], groups[train])
        design = np.hstack([(features[test] - mean) / scale, np.ones((int(test.sum()), 1))])
        chances[test] = choice_chances(design @ weights, groups[test], count)
    return chances


def write_model(
    path: Path,
    script: str,
    feature_names: Sequence[str],
    model: tuple[np.ndarray, np.ndarray, np.ndarray],
    thresholds: dict[str, float],
) -> None:
    """Write a fitted model (mean, scale, weights with the intercept last) where
    :func:`newscorpus.reading.learned.load` reads it."""
    mean, scale, weights = model
    about = f"fitted by bench/{script} on the pages development set"
    text = as_json(about, feature_names, mean, scale, weights[:-1], weights[-1], thresholds)
    path.write_text(text, encoding="utf-8")
