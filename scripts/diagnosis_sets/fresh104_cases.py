"""Hundred-and-fourth fresh held-out set for the diagnosis: one planted bug per program in
fresh104/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is knowledge distillation written by hand: small students trained on rows of X whose
last columns hold a fixed teacher's precomputed outputs. A four-class ReLU student whose loss
mixes the label-smoothed hard cross-entropy with T^2 times the cross-entropy of softmax(s / T)
against the teacher's softmax(t / T) (KL(teacher || student) with the teacher's entropy left
out), trained by SGD with Nesterov momentum, weight decay on the weights only and a linear
warm-up then constant rate, in mini-batches of 16; a regression student matching the true
targets and the teacher's outputs by mean squared error plus a FitNets hint term on its tanh
hidden layer through a learned linear adapter, the hint weight fading linearly to zero, the
gradients clipped by their global norm and AdamW with decay on the weights only; and a
three-class tanh student with the full KL (teacher's entropy included, 'batchmean') at a
temperature annealed linearly from 4 to 1.5, plus the hard cross-entropy, trained by RMSprop.
The NumPy programs write the backward through the tempered softmax, the KL term and the adapter
by hand. fresh104/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh104_cases

Each case:
    id          short name (prefixed RZ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh104/"

CLS, HINT, ANNEAL = F + "kd_cls.npz", F + "kd_hint.npz", F + "kd_anneal.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


KD = ("--data", CLS, "--batch-size", "16")
KD_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
KD_FLAT_PARAMS = params("W1=fc1.weight", "b1=fc1.bias", "W2=fc2.weight", "b2=fc2.bias")
HT = ("--data", HINT)
HT_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                   "params['b2']=out.bias", "params['A']=adapter.weight.T", "params['a']=adapter.bias")
HT_P_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                     "params['A']=A", "params['a']=a")
AN = ("--data", ANNEAL, "--state", "square_avg=net.sq")
AN_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
AN_SEQ_PARAMS = params("params['W1']=body.0.weight.T", "params['b1']=body.0.bias",
                       "params['W2']=body.2.weight.T", "params['b2']=body.2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RZ01_cls_untempered_student", side="port",
         args=pair("kd_cls_numpy.py", "KDStudent", "01_cls_untempered_student_port.py", "KDStudent", *KD,
                   *KD_PARAMS),
         mechanism="pair: the port's soft term takes F.log_softmax(student_logits) instead of "
                   "F.log_softmax(student_logits / T): the teacher is softened by T but the student is not, so "
                   "the soft cross-entropy (still times T^2) compares softmax(t / T) with the untempered softmax(s); "
                   "the loss and every gradient differ from the first step (the soft gradient is "
                   "T^2 (p_s - p_t) instead of T (p_s^T - p_t))",
         expected=("temperature", "softmax(s / t)", "divide by t", "/ t", "tempered", "softened", "student logits",
                   "soft targets", "distillation", "kl", "log_softmax", "t^2", "soft loss", "forward",
                   "logits")),
    dict(id="RZ02_cls_no_label_smoothing", side="port",
         args=pair("kd_cls_numpy.py", "KDStudent", "02_cls_no_label_smoothing_port.py", "KDStudent", *KD,
                   *KD_PARAMS),
         mechanism="pair: the port's hard term is F.cross_entropy(logits, y) without label_smoothing=0.1: the "
                   "target is the plain one-hot instead of 0.9 one-hot + 0.025, so the hard loss and the output "
                   "gradient's hard part (softmax - target) differ by 0.1 * (one-hot - 1/K) times (1 - ALPHA) / n",
         expected=("label smoothing", "label_smoothing", "smoothing", "one-hot", "onehot", "smoothed target",
                   "cross_entropy", "cross-entropy", "hard label", "hard loss", "target", "epsilon", "1/k",
                   "uniform", "loss")),
    dict(id="RZ03_cls_linearlr_warmup", side="port",
         args=pair("kd_cls_numpy.py", "KDStudent", "03_cls_linearlr_warmup_port.py", "KDStudent", *KD,
                   *KD_PARAMS),
         mechanism="pair: the warm-up is LinearLR(start_factor=1/WARMUP, total_iters=WARMUP) instead of the "
                   "LambdaLR min(1, (step + 1) / WARMUP): the factors run 0.25, 0.4375, 0.625, 0.8125, 1 instead of "
                   "0.25, 0.5, 0.75, 1, so updates 2 to 4 use a smaller learning rate (the full rate reached at "
                   "update 5 instead of 4, one step late); "
                   "gradients and momentum buffers agree, the updates differ by a per-step factor",
         expected=("warm-up", "warmup", "linearlr", "lambdalr", "learning rate", "schedule", "scheduler",
                   "total_iters", "start_factor", "off by one", "one step late", "lr factor", "ratio",
                   "update", "linear warmup")),
    dict(id="RZ04_hint_adapter_preactivation", side="port",
         args=pair("hint_numpy.py", "HintStudent", "04_hint_adapter_preact_port.py", "HintStudent", *HT,
                   *HT_PARAMS),
         mechanism="pair: the port's hint adapter reads the hidden pre-activation z = hidden(x) instead of the "
                   "activation h = tanh(z): the adapter output r = z A + a, the hint loss, the adapter's gradients "
                   "and the hidden layer's gradient (through the hint path, without the tanh derivative) differ",
         expected=("adapter", "hint", "pre-activation", "preactivation", "before tanh", "tanh", "activation",
                   "hidden layer", "fitnets", "regressor", "forward", "wrong tensor", "z instead of h",
                   "intermediate", "feature")),
    dict(id="RZ05_hint_clip_by_value", side="port",
         args=pair("hint_numpy.py", "HintStudent", "05_hint_clip_value_port.py", "HintStudent", *HT, *HT_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, 0.5) instead of clip_grad_norm_(params, "
                   "0.5): each gradient entry is clamped to [-0.5, 0.5] instead of all gradients being scaled by "
                   "0.5 / global norm (about 1.8 at the first step), so the port's gradients are larger "
                   "and not uniformly scaled; Adam's moments and updates differ",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "global norm", "gradient norm",
                   "norm", "by value", "clamp", "max_norm", "scaled", "one factor", "gradient", "element-wise",
                   "exploding")),
    dict(id="RZ06_hint_adam_coupled_decay", side="port",
         args=pair("hint_numpy.py", "HintStudent", "06_hint_adam_l2_port.py", "HintStudent", *HT, *HT_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.Adam with weight_decay=0.05 on the weights instead "
                   "of AdamW: the decay is added to the gradient (L2, g + WD * p, passing through Adam's moments "
                   "and normalisation) instead of decoupled p *= 1 - LR * WD; gradients agree, the moments and "
                   "the weights' updates differ (biases agree)",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled",
                   "regularization", "regularisation", "moments", "exp_avg", "optimizer", "proportional to the parameter",
                   "update", "decay")),
    dict(id="RZ07_anneal_kl_reduction_mean", side="port",
         args=pair("anneal_numpy.py", "AnnealKD", "07_anneal_kl_mean_port.py", "AnnealKD", *AN, *AN_PARAMS),
         mechanism="pair: the port's F.kl_div uses reduction='mean' instead of 'batchmean': the KL summed over "
                   "rows and classes is divided by n * K instead of n, so the soft term (and its gradient) is "
                   "K = 3 times too small while the hard cross-entropy is right",
         expected=("kl_div", "reduction", "batchmean", "mean", "kl divergence", "divided by", "number of classes",
                   "n * k", "factor 3", "scaled", "soft term", "distillation", "ratio", "sum over classes",
                   "loss")),
    dict(id="RZ08_anneal_teacher_softmax_dim0", side="port",
         args=pair("anneal_numpy.py", "AnnealKD", "08_anneal_teacher_dim0_port.py", "AnnealKD", *AN, *AN_PARAMS),
         mechanism="pair: the teacher's tempered distribution is F.softmax(t_logits / T, dim=0), normalised over "
                   "the batch (each class's column sums to one) instead of over the classes: the soft targets "
                   "are wrong, so the KL, the loss and every gradient differ from the first step",
         expected=("softmax", "dim=0", "dim=1", "axis", "wrong axis", "wrong dimension", "batch dimension",
                   "normalised over", "normalized over", "teacher", "soft targets", "probabilities", "shape",
                   "classes", "kl")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RZ09_cls_soft_grad_t_squared", side="numpy",
         args=pair("09_cls_soft_grad_t2_numpy.py", "KDStudent", "kd_cls_torch.py", "KDStudent", *KD, *KD_PARAMS),
         mechanism="pair: the hand-written gradient of the soft term is ALPHA * T^2 * (p_s^T - p_t) / n, leaving "
                   "out the 1/T of the chain rule through softmax(s / T) (the right one is ALPHA * T * (...)): "
                   "the soft part of every gradient is T = 3 times too large while the loss is right",
         expected=("temperature", "chain rule", "1/t", "/ t", "t^2", "t squared", "factor", "soft term",
                   "backward", "gradient", "softmax(s / t)", "distillation", "kl", "scaled",
                   "loss and gradient")),
    dict(id="RZ10_cls_smoothing_k_minus_1", side="numpy",
         args=pair("10_cls_smoothing_k_minus_1_numpy.py", "KDStudent", "kd_cls_torch.py", "KDStudent", *KD,
                   *KD_PARAMS),
         mechanism="pair: the smoothed target puts SMOOTH / (K - 1) on the wrong classes and 1 - SMOOTH on the "
                   "label (0.9 / 0.0333) instead of torch's (1 - SMOOTH) one-hot + SMOOTH / K (0.925 / 0.025): "
                   "the hard loss and its gradient differ (consistently) from the port's label_smoothing",
         expected=("label smoothing", "smoothing", "k - 1", "k-1", "smooth / k", "1/k", "target", "one-hot",
                   "convention", "label_smoothing", "cross-entropy", "hard loss", "uniform", "epsilon",
                   "true class")),
    dict(id="RZ11_cls_warmup_uncapped", side="numpy",
         args=pair("11_cls_warmup_uncapped_numpy.py", "KDStudent", "kd_cls_torch.py", "KDStudent", *KD,
                   *KD_PARAMS),
         mechanism="pair: the warm-up rate is LR * t / WARMUP without min(1, ...): it agrees for the first "
                   "WARMUP = 4 updates, then keeps rising (1.25, 1.5, ... 5 times LR by update 20) instead of "
                   "staying constant; gradients and buffers agree, updates grow by the factor t / 4 from update 5",
         expected=("warm-up", "warmup", "learning rate", "schedule", "constant", "min(1", "cap", "capped",
                   "keeps growing", "linear", "ratio", "moves with the step", "step 5", "update", "lr")),
    dict(id="RZ12_hint_no_backprop_into_student", side="numpy",
         args=pair("12_hint_no_hint_backprop_numpy.py", "HintStudent", "hint_torch.py", "HintStudent", *HT,
                   *HT_PARAMS),
         mechanism="pair: the backward into the hidden layer is dh = dout @ W2.T without + dr @ A.T: the hint "
                   "term trains the adapter (A, a right) but its gradient never reaches the student's hidden "
                   "layer, so W1 and b1 get only the output terms' gradient (the loss is right)",
         expected=("hint", "adapter", "backward", "missing term", "missing gradient", "hidden layer", "dr @ a.t",
                   "gradient path", "chain rule", "sum of", "both paths", "w1", "b1", "not backpropagated",
                   "fitnets")),
    dict(id="RZ13_hint_fade_off_by_one", side="numpy",
         args=pair("13_hint_fade_offset_numpy.py", "HintStudent", "hint_torch.py", "HintStudent", *HT, *HT_PARAMS),
         mechanism="pair: the hint weight is GAMMA * max(0, 1 - t / FADE) instead of 1 - (t - 1) / FADE: the "
                   "fade is one step ahead (11/12 instead of 1 at the first update, 1/12 lower at every update, zero "
                   "at update 12 instead of 13), so the hint term of the loss and the hint gradients are too small "
                   "from the first step",
         expected=("hint", "weight", "schedule", "fade", "decay", "off by one", "off-by-one", "one step ahead",
                   "t - 1", "step count", "annealing", "gamma", "coefficient", "loss weight", "adapter")),
    dict(id="RZ14_hint_per_tensor_clip", side="numpy",
         args=pair("14_hint_per_tensor_clip_numpy.py", "HintStudent", "hint_torch.py", "HintStudent", *HT,
                   *HT_PARAMS),
         mechanism="pair: each gradient is clipped by its own norm, g * min(1, 0.5 / |g|), instead of all of them "
                   "by the one global norm as clip_grad_norm_ does: W2 and W1 (norms 1.3, 0.9) are cut to 0.5 and "
                   "the small tensors are left unclipped, so the gradients differ by a different factor per "
                   "parameter and Adam's moments and updates follow",
         expected=("clip", "clipping", "global norm", "per-tensor", "per tensor", "per parameter", "norm",
                   "clip_grad_norm_", "max_norm", "total norm", "each parameter", "scaled", "factor",
                   "gradient", "optimizer")),
    dict(id="RZ15_anneal_logprob_over_t", side="numpy",
         args=pair("15_anneal_logprob_over_t_numpy.py", "AnnealKD", "anneal_torch.py", "AnnealKD", *AN,
                   *AN_PARAMS),
         mechanism="pair: the student's tempered log-probabilities are log_softmax(s) / T instead of "
                   "log_softmax(s / T): the log-probabilities are divided by T after normalising instead of the "
                   "logits before, so they no longer normalise; the KL, the loss and the gradient (which uses "
                   "exp of them) all differ",
         expected=("temperature", "log_softmax", "log-probabilities", "divide", "/ t", "logits", "before softmax",
                   "tempered", "normalise", "normalize", "kl", "soft term", "forward", "softmax(s / t)",
                   "distillation")),
    dict(id="RZ16_anneal_ce_fancy_index", side="numpy",
         args=pair("16_anneal_ce_fancy_index_numpy.py", "AnnealKD", "anneal_torch.py", "AnnealKD", *AN,
                   *AN_PARAMS),
         mechanism="pair: the hard cross-entropy picks log_p[:, y], an (n, n) array (every row's log-probability "
                   "of every row's label), instead of log_p[np.arange(n), y]: the reported loss is wrong while "
                   "the hand-written gradient (softmax - one-hot) is right, so only the loss differs",
         expected=("index", "indexing", "fancy indexing", "np.arange", "shape", "(n, n)", "broadcast",
                   "cross-entropy", "loss value", "reported loss", "loss only", "gradient is right",
                   "inconsistent", "label", "log_p")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RZ17_cls_flat_vector_numpy", side="correct",
         args=pair("kd_cls_flat_numpy.py", "KDStudentFlat", "kd_cls_torch.py", "KDStudent", *KD, *KD_FLAT_PARAMS),
         mechanism="pair: the distillation student in NumPy with every parameter a reshaped view into one flat "
                   "vector (weights kept (out, in)), gradients written into views of one flat vector, a flat "
                   "Nesterov buffer and a flat 0/WD decay mask, np.einsum products and the soft term through "
                   "logsumexp; against the nn.Linear port", expected=()),
    dict(id="RZ18_hint_raw_param_port", side="correct",
         args=pair("hint_numpy.py", "HintStudent", "hint_params_torch.py", "HintStudentP", *HT, *HT_P_PARAMS),
         mechanism="pair: hint-distillation port with raw nn.Parameters in the NumPy layout, the squared errors "
                   "written out, global-norm clipping by hand on .grad, and AdamW as Adam plus a hand-applied "
                   "decoupled decay before optimizer.step(), the hint step count kept in a param_group key",
         expected=()),
    dict(id="RZ19_anneal_sequential_port", side="correct",
         args=pair("anneal_numpy.py", "AnnealKD", "anneal_seq_torch.py", "AnnealKDSeq", *AN, *AN_SEQ_PARAMS),
         mechanism="pair: annealed-temperature port built on nn.Sequential, the step count a registered long "
                   "buffer, F.kl_div with log_target=True summed and divided by the rows, F.nll_loss of "
                   "log_softmax and RMSprop(foreach=False)", expected=()),
]
