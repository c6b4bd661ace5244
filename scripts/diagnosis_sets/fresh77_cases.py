"""Seventy-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh77/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is parameter-efficient fine-tuning written by hand: a frozen base network whose weights
are read from a file or rebuilt from a seed and never updated, with only a few trainable parts,
the only ones paired with --param. LoRA on both layers of a frozen two-layer ReLU MLP classifier
(x @ W0 + b0 + (alpha / r) * (x @ A) @ B, B starting at zero; PEFT-style lora_A / lora_B
nn.Linear factors and the base as buffers in the port), softmax cross-entropy, AdamW with a
cosine schedule down to a floor, mini-batches of 16; FiLM-style scale and shift over the features
of a frozen, input-standardising ReLU extractor plus a new logistic head, binary cross-entropy on
the logits, SGD with momentum, weight decay on the head weight only (parameter groups) and a step
schedule, mini-batches of 20; and BitFit on a seeded three-layer tanh regressor (only the three
biases train; in the port the nn.Linear weights are frozen with requires_grad = False), the Huber
loss, global-norm gradient clipping and RMSprop, mini-batches of 32. fresh77/make_data.py writes
the data and the frozen weights.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh77_cases

Each case:
    id          short name (prefixed QY)
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

F = "scripts/diagnosis_sets/fresh77/"

TABULAR, SENSORS, REGRESS = F + "tabular3.npz", F + "sensors.npz", F + "regress.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LORA = ("--data", TABULAR, "--batch-size", "16")
LORA_PARAMS = params("params['A1']=fc1.lora_A.weight.T", "params['B1']=fc1.lora_B.weight.T",
                     "params['A2']=fc2.lora_A.weight.T", "params['B2']=fc2.lora_B.weight.T")
LORA_ALT_PARAMS = params("A[0]=fc1.lora_A.weight.T", "B[0]=fc1.lora_B.weight.T", "A[1]=fc2.lora_A.weight.T",
                         "B[1]=fc2.lora_B.weight.T")
FILM = ("--data", SENSORS, "--batch-size", "20")
FILM_PARAMS = params("params['gamma']=gamma", "params['beta']=beta", "params['w']=head.weight.T",
                     "params['b']=head.bias")
FILM_ALT_PARAMS = params("params['gamma']=film.scale", "params['beta']=film.shift", "params['w']=w",
                         "params['b']=b")
BITFIT = ("--data", REGRESS, "--batch-size", "32", "--state", "square_avg=net.sq")
BITFIT_PARAMS = params("params['b1']=fc1.bias", "params['b2']=fc2.bias", "params['b3']=fc3.bias")
BITFIT_ALT = ("--data", REGRESS, "--batch-size", "32")
BITFIT_ALT_PARAMS = params("biases[0]=fc1.bias", "biases[1]=fc2.bias", "biases[2]=fc3.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QY01_lora_scale_alpha", side="port",
         args=pair("lora_numpy.py", "LoRAClassifier", "01_lora_scale_alpha_port.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the port's LoRALinear scales the adapter path by alpha (8) instead of alpha / r "
                   "(8 / 4 = 2): the low-rank update is 4 times too large, so the gradients of both factors are "
                   "4x (B's from step 1, B starting at zero) and, once B is non-zero, the forward, loss and "
                   "every later gradient differ",
         expected=("lora", "scaling", "alpha", "alpha / r", "rank", "adapter", "low-rank", "scale factor",
                   "factor of 4", "4x", "constant ratio", "lora_b", "lora_a", "forward", "too large")),
    dict(id="QY02_lora_adam_coupled_l2", side="port",
         args=pair("lora_numpy.py", "LoRAClassifier", "02_lora_adam_l2_port.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay becomes "
                   "an L2 term WD * p added to the gradient before the moments (coupled) instead of the "
                   "decoupled p -= lr * WD * p; from step 1 A's update is a full Adam step along WD * A "
                   "(its data gradient is zero while B = 0) instead of lr * WD * A; gradients agree, moments "
                   "and updates differ",
         expected=("adamw", "adam", "weight decay", "decoupled", "coupled", "l2", "weight_decay",
                   "proportional to the parameter", "optimizer", "update", "exp_avg", "moments",
                   "decay in the gradient", "regulariz", "lr * wd")),
    dict(id="QY03_lora_cosine_no_floor", side="port",
         args=pair("lora_numpy.py", "LoRAClassifier", "03_lora_eta_min_port.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the port's CosineAnnealingLR leaves out eta_min=ETA_MIN, so the cosine anneals to 0 "
                   "instead of 0.001: the first update agrees and each later learning rate is lower by "
                   "ETA_MIN * (1 - (1 + cos(pi t / T)) / 2), a gap that grows over the run (at the last update "
                   "6e-5 against 1.06e-3, some 17 times smaller); gradients and moments agree, updates differ",
         expected=("cosine", "eta_min", "schedule", "scheduler", "learning rate", "annealing",
                   "cosineannealinglr", "minimum learning rate", "floor", "lr_min", "decays to zero",
                   "grows with the step", "update", "ratio moving with the step", "lr")),
    dict(id="QY04_film_shift_inside_scale", side="port",
         args=pair("film_numpy.py", "FiLMHead", "04_film_shift_inside_port.py", "FiLMHead", *FILM, *FILM_PARAMS),
         mechanism="pair: the port's FiLM is gamma * (h + beta) instead of gamma * h + beta, the shift applied "
                   "before the scale: at the start (gamma = 1, beta = 0) both agree, so step 1 passes; from "
                   "step 2 the modulated features, the logits, the loss and the gradients of gamma, beta "
                   "and the head differ",
         expected=("film", "scale", "shift", "gamma", "beta", "affine", "order", "gamma * (h + beta)",
                   "modulation", "forward", "parenthes", "feature-wise", "step 2", "operator precedence")),
    dict(id="QY05_film_no_grad_scope", side="port",
         args=pair("film_numpy.py", "FiLMHead", "05_film_no_grad_wide_port.py", "FiLMHead", *FILM, *FILM_PARAMS),
         mechanism="pair: the FiLM line z = gamma * h + beta sits inside the port's torch.no_grad() block meant "
                   "for the frozen extractor: gamma and beta get no gradient (.grad None), SGD skips them and "
                   "they never move, while the head trains and the NumPy program updates gamma and beta",
         expected=("no_grad", "torch.no_grad", "no gradient", "none", "grad is none", "gamma", "beta", "film",
                   "frozen", "never updated", "not updated", "detach", "autograd", "requires_grad",
                   "missing gradient")),
    dict(id="QY06_bitfit_clip_value", side="port",
         args=pair("bitfit_numpy.py", "BitFitRegressor", "06_bitfit_clip_value_port.py", "BitFitRegressor",
                   *BITFIT, *BITFIT_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(biases, MAX_NORM) instead of clip_grad_norm_: "
                   "each element is capped at +-0.03 on its own (only the few largest, such as b3's, are "
                   "touched) where the NumPy program rescales all three bias gradients together to global norm "
                   "0.03 whenever it is exceeded (from step 3): the clipped gradients, RMSprop's averages and "
                   "the updates differ from there",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "global norm", "norm",
                   "max_norm", "element-wise", "per element", "gradient norm", "rescale", "common factor",
                   "one factor", "all parameters", "gradient")),
    dict(id="QY07_bitfit_smooth_l1", side="port",
         args=pair("bitfit_numpy.py", "BitFitRegressor", "07_bitfit_smooth_l1_port.py", "BitFitRegressor",
                   *BITFIT, *BITFIT_PARAMS),
         mechanism="pair: the port's loss is F.smooth_l1_loss(beta=DELTA) instead of F.huber_loss(delta=DELTA): "
                   "smooth L1 is the Huber loss divided by beta, so with beta = 0.5 the loss is twice as large "
                   "and so are the bias gradients, until the global-norm clipping caps them (already at step 1 "
                   "the doubled norm, 0.035, exceeds 0.03)",
         expected=("huber", "smooth_l1", "smooth l1", "beta", "delta", "loss", "factor of 2", "twice",
                   "divided by", "huber_loss", "scale", "ratio", "constant factor", "loss function",
                   "2x")),
    dict(id="QY08_bitfit_broadcast", side="port",
         args=pair("bitfit_numpy.py", "BitFitRegressor", "08_bitfit_broadcast_port.py", "BitFitRegressor",
                   *BITFIT, *BITFIT_PARAMS),
         mechanism="pair: the port passes the (n, 1) prediction straight to F.huber_loss against the (n,) "
                   "targets: broadcasting makes an (n, n) table of every prediction against every target, so "
                   "each prediction is fitted to the mean Huber pull of all targets; the loss and the bias "
                   "gradients differ from step 1",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "(n,)", "squeeze", "unsqueeze",
                   "n x n", "every pair", "target", "dimension", "mismatch", "huber", "loss", "view")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QY09_lora_grad_a_unscaled", side="numpy",
         args=pair("09_lora_grad_a_scale_numpy.py", "LoRAClassifier", "lora_torch.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the hand-written gradient of the first adapter's A factor leaves out the alpha / r "
                   "scaling, dA1 = X^T (dpre B1^T) instead of (alpha / r) X^T (dpre B1^T): A1's gradient is "
                   "half the true one (scale 2); zero at step 1 (B1 = 0), wrong from step 2; the loss and the "
                   "other gradients are right",
         expected=("lora", "scaling", "alpha / r", "alpha", "backward", "gradient", "a1", "missing factor",
                   "factor of 2", "half", "chain rule", "adapter", "constant ratio", "finite difference",
                   "numpy")),
    dict(id="QY10_lora_cosine_no_half", side="numpy",
         args=pair("10_lora_cosine_half_numpy.py", "LoRAClassifier", "lora_torch.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the cosine schedule drops the 1/2, lr = ETA_MIN + (LR - ETA_MIN) (1 + cos(pi (t-1) / T)) "
                   "instead of ... / 2: the first update uses about 2 LR, and the ratio of the learning rates "
                   "moves with the step (1.9 at the start, toward 1 at the end); gradients agree, updates "
                   "differ",
         expected=("cosine", "schedule", "learning rate", "1/2", "0.5", "half", "factor of 2", "twice",
                   "annealing", "lr", "ratio moving with the step", "update", "scheduler", "eta_min")),
    dict(id="QY11_lora_logsumexp_shift", side="numpy",
         args=pair("11_lora_lse_shift_numpy.py", "LoRAClassifier", "lora_torch.py", "LoRAClassifier", *LORA,
                   *LORA_PARAMS),
         mechanism="pair: the log-softmax subtracts the row maximum inside the log-sum-exp but not from the "
                   "logits, logp = z - log(sum exp(z - max)) instead of z - max - log(...): the reported "
                   "cross-entropy is off by the mean row maximum, while the probabilities, the gradients and the "
                   "updates are right (loss only)",
         expected=("log-softmax", "logsumexp", "log-sum-exp", "max", "shift", "stability", "cross-entropy",
                   "loss value", "loss only", "reported loss", "offset", "constant", "inconsistent",
                   "softmax", "zmax")),
    dict(id="QY12_film_dgamma_modulated", side="numpy",
         args=pair("12_film_dgamma_z_numpy.py", "FiLMHead", "film_torch.py", "FiLMHead", *FILM, *FILM_PARAMS),
         mechanism="pair: gamma's gradient is sum(dz * z), over the modulated features z = gamma h + beta, instead "
                   "of sum(dz * h), over the frozen features: identical at step 1 (gamma = 1, beta = 0), wrong "
                   "from step 2 for gamma only",
         expected=("gamma", "film", "scale", "gradient", "backward", "wrong variable", "dz * h", "modulated",
                   "features", "chain rule", "finite difference", "step 2", "input of the layer",
                   "output instead of input")),
    dict(id="QY13_film_decay_everything", side="numpy",
         args=pair("13_film_decay_all_numpy.py", "FiLMHead", "film_torch.py", "FiLMHead", *FILM, *FILM_PARAMS),
         mechanism="pair: the weight decay WD * p is added to every parameter's gradient (gamma, beta and the head "
                   "bias too) instead of the head weight only, as the port's parameter groups do: gamma's update "
                   "gains a pull toward zero of LR * WD * gamma from step 1; the gradients agree, the momentum "
                   "buffers and updates of gamma, beta and b differ",
         expected=("weight decay", "decay", "parameter groups", "param_groups", "gamma", "beta", "bias",
                   "head weight only", "no decay", "proportional to the parameter", "momentum buffer",
                   "update", "wd * p", "l2", "regulariz")),
    dict(id="QY14_film_batch_statistics", side="numpy",
         args=pair("14_film_batch_stats_numpy.py", "FiLMHead", "film_torch.py", "FiLMHead", *FILM, *FILM_PARAMS),
         mechanism="pair: the frozen extractor's input is standardised with the batch's own mean and standard "
                   "deviation instead of the stored pretraining mu and sigma: every batch is shifted and "
                   "scaled differently, so the frozen features, the logits, the loss and all gradients differ "
                   "from step 1",
         expected=("normaliz", "standardiz", "mean", "std", "statistics", "batch statistics", "mu", "sigma",
                   "input", "preprocessing", "pretrained", "frozen", "features", "forward", "x.mean")),
    dict(id="QY15_bitfit_huber_sign", side="numpy",
         args=pair("15_bitfit_huber_sign_numpy.py", "BitFitRegressor", "bitfit_torch.py", "BitFitRegressor",
                   *BITFIT, *BITFIT_PARAMS),
         mechanism="pair: the Huber derivative's linear branch is +DELTA for every residual beyond delta, "
                   "np.where(|r| <= DELTA, r, DELTA) instead of clip(r, -DELTA, DELTA) = DELTA * sign(r): large "
                   "negative residuals push the wrong way; the loss is right, every bias gradient is wrong",
         expected=("huber", "sign", "delta", "derivative", "gradient", "backward", "negative residual",
                   "clip", "np.sign", "linear region", "outlier", "loss", "finite difference",
                   "wrong direction", "residual")),
    dict(id="QY16_bitfit_rmsprop_alpha_swap", side="numpy",
         args=pair("16_bitfit_rms_alpha_swap_numpy.py", "BitFitRegressor", "bitfit_torch.py", "BitFitRegressor",
                   *BITFIT, *BITFIT_PARAMS),
         mechanism="pair: RMSprop's square average swaps its weights, (1 - ALPHA) s + ALPHA g^2 instead of "
                   "ALPHA s + (1 - ALPHA) g^2: the average keeps 0.1 of its past and takes 0.9 of the new "
                   "square, so at step 1 s is 9 times larger and the step 3 times smaller; the gradients agree, "
                   "square_avg and the updates differ",
         expected=("rmsprop", "alpha", "square_avg", "square average", "moving average", "decay rate",
                   "1 - alpha", "swapped", "second moment", "optimizer", "update", "denominator", "rho",
                   "running average", "exponential")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QY17_lora_merged_numpy", side="correct",
         args=pair("lora_merged_numpy.py", "LoRAMerged", "lora_torch.py", "LoRAClassifier", *LORA,
                   *LORA_ALT_PARAMS),
         mechanism="pair: LoRA in NumPy with per-layer lists (frozen W0[i], b0[i] beside the factors A[i], B[i]), "
                   "the merged weight x @ (W0 + s A @ B) in the forward and dW_eff split into s dW_eff B^T and "
                   "s A^T dW_eff, Adam with the bias corrections folded into the step size and eps "
                   "(Kingma-Ba form) and a schedule function; against the PEFT-style port", expected=()),
    dict(id="QY18_film_raw_param_port", side="correct",
         args=pair("film_numpy.py", "FiLMHead", "film_alt_torch.py", "FiLMHeadAlt", *FILM, *FILM_ALT_PARAMS),
         mechanism="pair: FiLM port with the frozen extractor an nn.Sequential frozen by requires_grad_(False), "
                   "a FiLM module using torch.addcmul, a raw (12, 1) head weight used with torch.addmm, the "
                   "binary cross-entropy written with F.logsigmoid, and the step schedule as a LambdaLR",
         expected=()),
    dict(id="QY19_bitfit_list_numpy", side="correct",
         args=pair("bitfit_list_numpy.py", "BitFitList", "bitfit_torch.py", "BitFitRegressor", *BITFIT_ALT,
                   *BITFIT_ALT_PARAMS),
         mechanism="pair: BitFit in NumPy with the frozen weights and the trainable biases in per-layer lists, "
                   "a layer loop for forward and backward, the Huber loss written with np.minimum, the bias "
                   "gradients joined with np.concatenate, clipped with np.linalg.norm and split back with "
                   "np.split, and RMSprop's mean squares updated in place; against the requires_grad port",
         expected=()),
]
