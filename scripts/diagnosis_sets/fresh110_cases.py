"""One hundred and tenth fresh held-out set for the diagnosis: one planted bug per program in
fresh110/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is noise-robust classification losses written by hand: small MLP classifiers trained
on labels with noise. A tanh MLP on imbalanced classes with symmetric label noise, trained with
the focal loss (GAMMA = 2, alpha class weights), SGD with heavy-ball momentum, weight decay on
the weights only and a linear warm-up then cosine learning rate; a ReLU MLP on four classes with
asymmetric noise, trained with symmetric cross entropy (CE plus the reverse cross entropy, log 0
clamped to A = -4), the gradients clipped to a global norm and RMSprop; and a leaky-ReLU MLP
trained on precomputed mixup inputs (both label sets in y, the mixing coefficient 0.7 held by
the programs) with hand-written label smoothing and soft bootstrapping (the prediction kept in
the graph, as Reed et al.'s soft version), and AdamW. The NumPy programs write each loss's
backward through the softmax by hand. fresh110/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh110_cases

Each case:
    id          short name (prefixed SF)
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

F = "scripts/diagnosis_sets/fresh110/"

IMBALANCED, ASYM, MIXUP = F + "imbalanced.npz", F + "asym.npz", F + "mixup.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MLP_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias")
FL = ("--data", IMBALANCED, "--batch-size", "16")
FLAT_PARAMS = params("W1=fc1.weight", "b1=fc1.bias", "W2=fc2.weight", "b2=fc2.bias")
SCE = ("--data", ASYM, "--batch-size", "20")
RAW_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
MB = ("--data", MIXUP, "--batch-size", "20")
ALT_PARAMS = params("W_in=fc1.weight.T", "b_in=fc1.bias", "W_out=fc2.weight.T", "b_out=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SF01_focal_pt_from_weighted_ce", side="port",
         args=pair("focal_numpy.py", "FocalMLP", "01_focal_pt_weighted_port.py", "FocalMLP", *FL, *MLP_PARAMS),
         mechanism="pair: the port takes pt = exp(-ce) where ce is the alpha-weighted F.nll_loss(weight=alpha), "
                   "alpha_y * -log p_y, instead of exp(log p_y): pt becomes p_y ** alpha_y (alpha 0.25-0.4), so "
                   "the focal modulating factor (1 - pt)^gamma is much smaller; the loss and every gradient differ "
                   "(mostly too small)",
         expected=("focal", "alpha", "weight", "weighted", "pt", "p_t", "exp(-ce)", "modulating factor",
                   "(1 - pt)", "gamma", "nll_loss", "cross_entropy", "class weights", "probability", "loss")),
    dict(id="SF02_focal_decay_on_biases", side="port",
         args=pair("focal_numpy.py", "FocalMLP", "02_focal_decay_bias_port.py", "FocalMLP", *FL, *MLP_PARAMS),
         mechanism="pair: the port's SGD gets weight_decay=WD over all model.parameters() instead of a parameter "
                   "group with decay on fc1.weight and fc2.weight only: the biases b1, b2 also get WD * b added "
                   "into their momentum buffers, so their updates differ by a term proportional to the bias; "
                   "gradients and the weights' updates agree",
         expected=("weight decay", "weight_decay", "bias", "biases", "b1", "b2", "parameter group",
                   "param_groups", "no_decay", "decay", "proportional to the parameter", "sgd", "momentum",
                   "model.parameters()", "update")),
    dict(id="SF03_focal_scheduler_before_step", side="port",
         args=pair("focal_numpy.py", "FocalMLP", "03_focal_sched_order_port.py", "FocalMLP", *FL, *MLP_PARAMS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step(): the LambdaLR schedule is "
                   "advanced before each update, so every update uses the next step's learning rate (the first "
                   "2/3 * LR instead of 1/3 * LR), the warm-up and cosine one step ahead; gradients agree",
         expected=("scheduler", "scheduler.step()", "optimizer.step()", "order", "before", "lambdalr",
                   "learning rate", "schedule", "warm-up", "warmup", "cosine", "one step ahead", "off by one",
                   "off-by-one", "lr")),
    dict(id="SF04_sce_clamp_onehot_log", side="port",
         args=pair("sce_numpy.py", "SCEMLP", "04_sce_clamp_onehot_port.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the port's reverse cross entropy takes log(clamp(one_hot, 1e-4, 1)), natural log, "
                   "so log 0 becomes log(1e-4) = -9.21 instead of the constant A = -4 the NumPy program uses: the "
                   "RCE term, -A (1 - p_y), and its gradient are 2.3 times too large",
         expected=("reverse cross entropy", "rce", "symmetric cross entropy", "sce", "clamp", "log(0)", "log 0",
                   "1e-4", "-4", "a = -4", "constant", "one-hot", "log", "-9.21", "scaled")),
    dict(id="SF05_sce_double_softmax", side="port",
         args=pair("sce_numpy.py", "SCEMLP", "05_sce_double_softmax_port.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the port's forward returns torch.softmax(logits) and the loss (F.cross_entropy and "
                   "F.softmax) applies softmax again: the probabilities used are softmax(softmax(z)), squashed "
                   "toward uniform, so the loss and every gradient differ (the gradients much smaller)",
         expected=("softmax", "double softmax", "twice", "softmax applied twice", "logits", "probabilities",
                   "cross_entropy", "forward", "output", "normalized", "log_softmax", "already", "uniform",
                   "output activation")),
    dict(id="SF06_sce_rce_summed_over_batch", side="port",
         args=pair("sce_numpy.py", "SCEMLP", "06_sce_rce_sum_port.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the port's reverse cross entropy is -(p * log q).sum() over the whole batch instead of "
                   ".sum(dim=1) per row, then averaged with the per-row CE: the RCE term and its gradient are "
                   "batch-size (20) times too large while the CE term is right",
         expected=("sum", "sum(dim=1)", "reduction", "batch size", "batch", "per row", "per-sample", "mean",
                   "sum instead of mean", "rce", "reverse cross entropy", "dim", "axis", "scaled", "20")),
    dict(id="SF07_mix_label_sets_swapped", side="port",
         args=pair("mixboot_numpy.py", "MixBootMLP", "07_mix_label_swap_port.py", "MixBootMLP", *MB, *MLP_PARAMS),
         mechanism="pair: the port mixes the targets as MIX_LAM * smooth(y[:, 1]) + (1 - MIX_LAM) * "
                   "smooth(y[:, 0]), the two label sets swapped against the mixup weights of the inputs: rows "
                   "whose two labels differ get 0.3/0.7 where 0.7/0.3 is meant, loss and gradients differ",
         expected=("mixup", "lambda", "lam", "label", "labels", "swapped", "y[:, 0]", "y[:, 1]", "permutation",
                   "mixing coefficient", "1 - lam", "target", "column", "mixed", "order")),
    dict(id="SF08_mix_bootstrap_detached", side="port",
         args=pair("mixboot_numpy.py", "MixBootMLP", "08_mix_detach_port.py", "MixBootMLP", *MB, *MLP_PARAMS),
         mechanism="pair: the port's bootstrapped target uses p.detach(): the loss value is the same but the "
                   "gradient no longer flows through the prediction in the target, so the entropy term "
                   "-(1 - BOOT) p (log p + H) of the soft bootstrapping gradient is lost; every gradient differs",
         expected=("detach", "bootstrap", "bootstrapping", "soft", "target", "prediction", "stop gradient",
                   "no gradient", "entropy", "gradient path", "autograd", "missing term", "graph", "backward")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SF09_focal_factor_not_differentiated", side="numpy",
         args=pair("09_focal_const_factor_numpy.py", "FocalMLP", "focal_torch.py", "FocalMLP", *FL, *MLP_PARAMS),
         mechanism="pair: the hand-written focal gradient treats the modulating factor (1 - p_y)^gamma as a "
                   "constant, coef = -alpha (1 - pt)^gamma, dropping gamma (1 - pt)^(gamma - 1) pt log pt: the "
                   "loss is right, all four gradients are wrong (too small in magnitude)",
         expected=("focal", "modulating factor", "gamma", "derivative", "backward", "gradient", "chain rule",
                   "(1 - pt)", "constant", "missing term", "product rule", "log pt", "analytic",
                   "finite difference")),
    dict(id="SF10_focal_velocity_rebound", side="numpy",
         args=pair("10_focal_velocity_rebind_numpy.py", "FocalMLP", "focal_torch.py", "FocalMLP", *FL,
                   *MLP_PARAMS),
         mechanism="pair: the momentum step writes v = MOMENTUM * v instead of v *= MOMENTUM, which rebinds v to "
                   "a new array, so v += d never reaches self.velocity: the buffer stays zero and every update is "
                   "plain SGD on the current gradient (step 1 agrees), the momentum lost",
         expected=("momentum", "velocity", "momentum buffer", "in place", "in-place", "buffer", "not stored",
                   "zero", "plain sgd", "sgd", "state", "update", "step 2", "rebind", "copy")),
    dict(id="SF11_focal_cosine_over_total", side="numpy",
         args=pair("11_focal_cosine_total_numpy.py", "FocalMLP", "focal_torch.py", "FocalMLP", *FL, *MLP_PARAMS),
         mechanism="pair: the cosine phase measures progress as (t - WARMUP) / TOTAL instead of "
                   "(t - WARMUP) / (TOTAL - WARMUP): after the warm-up the learning rate decays more slowly "
                   "(higher than torch's, by a factor growing to about ten by the last step); gradients agree",
         expected=("cosine", "schedule", "learning rate", "lr", "warm-up", "warmup", "total", "progress",
                   "decay", "annealing", "denominator", "lambdalr", "factor", "update")),
    dict(id="SF12_sce_rce_grad_missing_py", side="numpy",
         args=pair("12_sce_rce_grad_numpy.py", "SCEMLP", "sce_torch.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the reverse-cross-entropy gradient through the softmax is written A (onehot - p) "
                   "instead of A p_y (onehot - p), dropping the factor p_y: the loss is right, the gradients "
                   "too large (RCE part 1/p_y times too big)",
         expected=("reverse cross entropy", "rce", "symmetric cross entropy", "gradient", "backward", "p_y",
                   "missing factor", "softmax", "chain rule", "derivative", "analytic", "finite difference",
                   "dz")),
    dict(id="SF13_sce_clip_squared_norm", side="numpy",
         args=pair("13_sce_clip_sq_numpy.py", "SCEMLP", "sce_torch.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of squares without the square root: "
                   "when the norm exceeds MAX_NORM = 1 the gradients are scaled by 1 / norm^2 instead of 1 / norm "
                   "(too much clipping); steps with norm below 1 agree",
         expected=("clip", "clipping", "clip_grad_norm_", "norm", "square root", "sqrt", "squared", "max_norm",
                   "global norm", "l2 norm", "scale", "factor", "gradient", "total norm")),
    dict(id="SF14_sce_softmax_max_axis0", side="numpy",
         args=pair("14_sce_max_axis_numpy.py", "SCEMLP", "sce_torch.py", "SCEMLP", *SCE, *MLP_PARAMS),
         mechanism="pair: the stabilised log-softmax subtracts z.max(axis=0), each class's maximum over the "
                   "batch, instead of each row's maximum (axis=1): a different shift per class, so the "
                   "probabilities, the loss and every gradient are wrong from the first step",
         expected=("softmax", "axis", "axis=0", "axis=1", "max", "stabil", "shift", "per row", "column",
                   "batch", "forward", "log-softmax", "logits", "keepdims")),
    dict(id="SF15_mix_smoothing_k_minus_1", side="numpy",
         args=pair("15_mix_smooth_k1_numpy.py", "MixBootMLP", "mixboot_torch.py", "MixBootMLP", *MB, *MLP_PARAMS),
         mechanism="pair: the hand-written label smoothing adds SMOOTH / (K - 1) to every class instead of "
                   "SMOOTH / K: the smoothed targets sum to 1.05 instead of 1, so the loss is larger, and the "
                   "hand-written gradient BOOT (p - t) is shifted by -BOOT * SMOOTH / 6 on every class (and no "
                   "longer matches the loss)",
         expected=("label smoothing", "smoothing", "k - 1", "num_classes", "smooth / k", "target", "targets",
                   "sum to one", "normaliz", "epsilon", "off-value", "soft target", "mixup", "loss")),
    dict(id="SF16_mix_adamw_coupled", side="numpy",
         args=pair("16_mix_coupled_decay_numpy.py", "MixBootMLP", "mixboot_torch.py", "MixBootMLP", *MB,
                   *MLP_PARAMS),
         mechanism="pair: the AdamW step adds WD * w into the gradient (L2, coupled, Adam's weight_decay) "
                   "instead of decaying the weight w *= 1 - LR * WD: the decay goes through the moments and is "
                   "normalised by sqrt(v), and the stored gradient carries WD * w",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay", "gradient",
                   "proportional to the parameter", "moment", "exp_avg", "lr * wd", "decay", "update")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SF17_focal_flat_numpy", side="correct",
         args=pair("focal_flat_numpy.py", "FocalFlat", "focal_torch.py", "FocalMLP", *FL, *FLAT_PARAMS),
         mechanism="pair: the focal MLP in NumPy with every parameter a view into one flat vector, weights "
                   "stored (out, in), the gradient built through views of one flat vector, a flat momentum "
                   "buffer with a 0/1 decay mask, log1p for the modulating factor and the backward through log "
                   "p_y; against the nn.Linear port", expected=()),
    dict(id="SF18_sce_raw_param_port", side="correct",
         args=pair("sce_numpy.py", "SCEMLP", "sce_raw_torch.py", "SCERaw", *SCE, *RAW_PARAMS),
         mechanism="pair: SCE port with raw (in, out) nn.Parameters, logsumexp and gather for CE, the RCE in "
                   "closed form -A (1 - p_y), global-norm clipping written out with vector_norm and a "
                   "torch.optim.Optimizer subclass doing RMSprop", expected=()),
    dict(id="SF19_mix_alt_numpy", side="correct",
         args=pair("mixboot_alt_numpy.py", "MixBootAlt", "mixboot_torch.py", "MixBootMLP", *MB, *ALT_PARAMS),
         mechanism="pair: the mixup bootstrapping classifier in NumPy with attribute parameters, targets built "
                   "with np.add.at, the loss as BOOT * CE + (1 - BOOT) * entropy, the backward through log p and "
                   "the log-softmax vector-Jacobian product, AdamW with folded bias corrections", expected=()),
]
