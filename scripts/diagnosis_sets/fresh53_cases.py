"""Fifty-third fresh held-out set for the diagnosis: one planted bug per program in fresh53/ (eight
PyTorch ports, each checked against a NumPy program of the user's own, and eight NumPy programs,
each checked against a correct port of the user's own) and three correct programs in unusual
styles. The theme is knowledge distillation written by hand: the teacher's logits (or its
predictions and hidden features) stored in the data file next to the hard labels, a student
trained on ALPHA * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - ALPHA) * CE,
a regression student matching a teacher's predictions with a feature-matching term, and label
smoothing on top of a mix of one-hot labels and the teacher's softened probabilities. The slips:
the T^2 factor, the temperature on one side only, F.kl_div's arguments and input form, the
weights of the two terms, the teacher's columns and softening, the feature term's gradient.
fresh53/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh53_cases

Each case:
    id          short name (prefixed QA)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and fresh/ ... fresh52/. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under the same
arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh53/"

D3, D4, REG = F + "distill3.npz", F + "distill4.npz", F + "regress.npz"


def pair(prefix: str, name: str, *extra: str) -> list[str]:
    """The user's NumPy program PREFIX_numpy.py against the user's port PREFIX_torch.py, both as written."""
    return [f"{F}{prefix}_numpy.py:{name}", "--torch", f"{F}{prefix}_torch.py:{name}", "--as-written",
            "--init", f"net = {name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FC = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
HEAD = params("W1=hidden.weight.T", "b1=hidden.bias", "W2=head.weight.T", "b2=head.bias")
SEQ = params("params['W1']=layers.0.weight.T", "params['b1']=layers.0.bias",
             "params['W2']=layers.2.weight.T", "params['b2']=layers.2.bias")


def cls(prefix, name, data):
    return pair(prefix, name, "--data", data, *FC)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QA01_no_t_squared", side="port",
         args=cls("01_no_t_squared", "KDStudent", D3),
         mechanism="pair: the port's distillation term is F.kl_div(log_softmax(z / T), softmax(t / T), "
                   "reduction='batchmean') without the * T * T (T = 4): the soft term and its logit gradient "
                   "ALPHA T (ps - pt) / n are T^2 = 16 times too small (ALPHA (ps - pt) / (T n)), the hard-label "
                   "cross-entropy is right",
         expected=("t^2", "t**2", "t * t", "t squared", "temperature squared", "square of the temperature",
                   "16", "1/16", "factor", "soft term", "distillation", "kl_div", "kl term", "too small",
                   "hinton", "scaled")),
    dict(id="QA02_t_not_squared", side="port",
         args=cls("02_t_not_squared", "SoftStudent", D4),
         mechanism="pair: the port scales the distillation KL by T instead of T * T (T = 3): the soft term and "
                   "its logit gradient are 1/T = 1/3 of the NumPy program's, the hard-label term unchanged",
         expected=("t^2", "t**2", "t * t", "t squared", "temperature squared", "instead of t", "by t",
                   "1/3", "one third", "factor 3", "soft term", "kl_div", "kl term", "distillation", "temperature")),
    dict(id="QA03_teacher_only_tempered", side="port",
         args=cls("03_teacher_only_tempered", "TinyStudent", D3),
         mechanism="pair: the port softens only the teacher, F.kl_div(F.log_softmax(z, dim=1), "
                   "F.softmax(t / T, dim=1)) where the student's logits should be z / T too (T = 2): the KL "
                   "compares softmax(z) with the softened teacher and its logit gradient is T^2 (p - pt) / n "
                   "instead of T (softmax(z / T) - pt) / n",
         expected=("temperature", "student", "z / t", "z/t", "not divided", "not softened", "only the teacher",
                   "teacher only", "one side", "log_softmax", "student logits", "unsoftened", "kl_div",
                   "softened", "distillation")),
    dict(id="QA04_kl_swapped", side="port",
         args=cls("04_kl_swapped", "Distilled", D4),
         mechanism="pair: F.kl_div's arguments swapped, F.kl_div(log_softmax(t / T), softmax(z / T)): torch "
                   "computes sum ps (log ps - log pt), the reverse KL(student || teacher) (mode-seeking), "
                   "whose gradient flows through the target ps: ps * (log ps - log pt - KL) per logit instead of "
                   "ps - pt",
         expected=("swapped", "order", "arguments", "reverse", "reversed", "kl(student", "kl(p_s",
                   "input and target", "target", "kl_div", "direction", "mode-seeking", "reverse kl",
                   "forward kl", "asymmetric")),
    dict(id="QA05_kl_input_probs", side="port",
         args=cls("05_kl_input_probs", "Pupil", D3),
         mechanism="pair: F.kl_div is given the student's probabilities softmax(z / T) as its input where it "
                   "expects log-probabilities log_softmax(z / T): the loss is sum pt (log pt - ps), the logit "
                   "gradient pulls ps up in proportion to pt times the softmax Jacobian instead of ps - pt",
         expected=("log_softmax", "log-probabilities", "log probabilities", "log-probs", "expects log",
                   "input", "softmax instead", "probabilities instead", "kl_div", "not log", "missing log",
                   "log space", "log(", "distillation")),
    dict(id="QA06_alpha_swapped", side="port",
         args=cls("06_alpha_swapped", "Apprentice", D3),
         mechanism="pair: the two terms' weights swapped, (1 - ALPHA) * soft + ALPHA * hard instead of "
                   "ALPHA * soft + (1 - ALPHA) * hard (ALPHA = 0.8): the distillation term weighted 0.2 and the "
                   "hard-label cross-entropy 0.8 instead of 0.8 and 0.2",
         expected=("alpha", "1 - alpha", "swapped", "weights", "weighting", "wrong term", "soft term",
                   "hard term", "mixing", "distillation", "kl term", "cross-entropy", "exchanged", "reversed")),
    dict(id="QA07_feature_detached", side="port",
         args=pair("07_feature_detached", "FeatureStudent", "--data", REG, *HEAD),
         mechanism="pair: the port's feature-matching term is F.mse_loss(model.features.detach(), feat), the "
                   "student's hidden features detached (as one detaches a teacher): the term counts in the loss "
                   "but sends no gradient, so the hidden layer misses 2 BETA (h - feat) / h.size (W1, b1 "
                   "gradients too small by that term; W2, b2 right)",
         expected=("detach", "detached", "feature", "feature matching", "feature-matching", "hidden",
                   "no gradient", "missing gradient", "gradient missing", "term", "stop gradient",
                   "stop-gradient", "w1", "b1", "features")),
    dict(id="QA08_teacher_twice_softened", side="port",
         args=pair("08_teacher_twice_softened", "SmoothMix", "--data", D4, *SEQ),
         mechanism="pair: the port divides the teacher's logits by T when it reads them, t = y[:, 1:] / T, and "
                   "again in F.softmax(t / T): the teacher's probabilities are softmax(t / T^2) (T = 2, so "
                   "softened at 4), flatter soft targets in the mix",
         expected=("twice", "divided twice", "double", "t^2", "t**2", "t * t", "temperature", "teacher",
                   "softened", "flatter", "soft targets", "teacher logits", "t / t", "squared")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QA09_hard_ce_tempered", side="numpy",
         args=cls("09_hard_ce_tempered", "TempStudent", D3),
         mechanism="pair: the NumPy program's probabilities for the hard-label cross-entropy are softmax(z / T) "
                   "(the softened student reused, T = 4) instead of softmax(z): the hard term is CE(softmax(z / T), "
                   "label) and its logit gradient (1 - ALPHA)(ps - onehot) / n misses the 1 / T of the chain and "
                   "uses the flat distribution",
         expected=("hard", "hard label", "hard-label", "cross-entropy", "temperature", "z / t", "softened",
                   "tempered", "t = 1", "softmax(z)", "student", "reused", "ce term", "both terms")),
    dict(id="QA10_teacher_untempered", side="numpy",
         args=cls("10_teacher_untempered", "ColdTeacher", D4),
         mechanism="pair: the NumPy program takes the teacher's probabilities at T = 1, softmax(t), while the "
                   "student is softened, softmax(z / T) (T = 3): the soft targets are too sharp, the KL and its "
                   "gradient ALPHA T (ps - pt) / n pull towards the unsoftened teacher",
         expected=("temperature", "teacher", "t / t", "not divided", "unsoftened", "not softened", "sharp",
                   "student only", "only the student", "one side", "soft targets", "softmax(t", "teacher logits",
                   "distillation")),
    dict(id="QA11_t_squared_everywhere", side="numpy",
         args=cls("11_t_squared_everywhere", "ScaledStudent", D3),
         mechanism="pair: the NumPy program's term weights are ALPHA T^2 and (1 - ALPHA) T^2: the T^2 that "
                   "belongs to the soft term multiplies the hard-label cross-entropy too (T = 2), so the hard "
                   "term and its gradient are 4 times too large",
         expected=("t^2", "t**2", "t * t", "hard", "hard-label", "cross-entropy", "both terms", "whole loss",
                   "4", "four", "temperature squared", "hard term", "scaled", "weight")),
    dict(id="QA12_feature_grad_preact", side="numpy",
         args=pair("12_feature_grad_preact", "FeatMatch", "--data", REG, *HEAD),
         mechanism="pair: the NumPy feature-matching gradient uses the pre-activation, 2 BETA (z1 - feat) / "
                   "h.size, where the loss matches the activation h = tanh(z1): 2 BETA (h - feat) / h.size; the "
                   "hidden gradients (W1, b1) are off, the output layer's right",
         expected=("pre-activation", "preactivation", "z1", "before the activation", "tanh", "feature",
                   "feature matching", "feature-matching", "hidden", "h - feat", "activation", "w1", "b1",
                   "wrong variable")),
    dict(id="QA13_mix_weights_swapped", side="numpy",
         args=pair("13_mix_weights_swapped", "TeacherSmooth", "--data", D4, *SEQ),
         mechanism="pair: the NumPy soft targets weight the teacher by BETA and the one-hot label by 1 - BETA "
                   "(BETA = 0.6), BETA * pt + (1 - BETA) * onehot instead of BETA * onehot + (1 - BETA) * pt: "
                   "0.4 on the label instead of 0.6, the teacher weighted 0.6 instead of 0.4",
         expected=("beta", "1 - beta", "swapped", "weights", "mix", "mixing", "teacher", "one-hot", "label",
                   "soft target", "exchanged", "reversed", "interpolation", "targets")),
    dict(id="QA14_teacher_columns_shifted", side="numpy",
         args=pair("14_teacher_columns_shifted", "MixedTargets", "--data", D4, *SEQ),
         mechanism="pair: the NumPy program reads the teacher's logits as y[:, :K] instead of y[:, 1:]: the label "
                   "column is taken as the first teacher logit and the last logit dropped (an off-by-one column "
                   "slice), so the teacher's probabilities and the soft targets are wrong",
         expected=("column", "columns", "slice", "y[:, 1:]", "y[:, :k]", "off-by-one", "off by one", "shift",
                   "shifted", "label column", "teacher logits", "teacher", "index", "first column")),
    dict(id="QA15_grad_missing_t_squared", side="numpy",
         args=cls("15_grad_missing_t_squared", "GradStudent", D4),
         mechanism="pair: the NumPy program's loss has ALPHA T^2 KL but its hand-written logit gradient is "
                   "ALPHA (ps - pt) / (T n), the T^2 left out of the gradient only (T = 3): the soft term's "
                   "gradient is 9 times too small while the loss agrees",
         expected=("t^2", "t**2", "t * t", "gradient", "backward", "t squared", "temperature squared", "9",
                   "nine", "1/9", "soft term", "kl gradient", "loss and gradient", "inconsistent",
                   "too small")),
    dict(id="QA16_teacher_term_sign", side="numpy",
         args=pair("16_teacher_term_sign", "MimicRegressor", "--data", REG, *HEAD),
         mechanism="pair: the NumPy gradient of the teacher-matching term ALPHA mean((out - tout)^2) is written "
                   "2 ALPHA (tout - out) / n, its sign flipped: the student is pushed away from the teacher's "
                   "predictions while the loss is right",
         expected=("sign", "flipped", "negative", "reversed", "tout - out", "out - tout", "teacher",
                   "teacher term", "opposite", "away from", "gradient", "mse", "minus", "direction")),
    # ------------------------------------------------------------------ correct programs
    dict(id="QAC1_logsumexp_log_target", side="correct",
         args=pair("correct_17_logsumexp", "LSEStudent", "--data", D3, *FC),
         mechanism="pair: NumPy distillation written with log-sum-exp and np.einsum, the hard-label gradient "
                   "by np.subtract.at; torch: F.kl_div with the teacher as log-probabilities and log_target=True, "
                   "F.nll_loss, the terms mixed by torch.lerp(hard, soft, ALPHA)",
         expected=()),
    dict(id="QAC2_raw_params_regressor", side="correct",
         args=pair("correct_18_raw_params", "RawRegressor", "--data", REG),
         mechanism="pair: regression student with feature matching; the port keeps raw nn.Parameters (in, out), "
                   "writes the three mean squares out, and updates by hand under torch.no_grad() (make_optimizer "
                   "returns None)",
         expected=()),
    dict(id="QAC3_hand_soft_ce", side="correct",
         args=pair("correct_19_soft_ce", "HandSoftCE", "--data", D4, *SEQ),
         mechanism="pair: label smoothing over a teacher/label mix; the port builds the targets with two "
                   "torch.lerp calls and writes the soft-target cross-entropy as -(q * log_softmax(z)).sum(1).mean()",
         expected=()),
]
