"""Two hundred and fourteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh214/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is weight averaging: an
exponential moving average (Polyak / mean-teacher) copy of the weights kept beside the trained
ones, used as a teacher whose output enters a consistency loss added to the supervised loss; the
EMA copy is state updated after each optimizer step (and created from the weights at the first
step).

The base programs (data from fresh214/make_data.py, fixed seed, nothing random while training):

    mt_numpy.py:MeanTeacherMLP / mt_torch.py:MeanTeacherMLP, mt.npz X (48, 6), y (48,) in
        {0, 1, 2}, -1 for the unlabeled rows (25 labeled)
        student 6 -> 16 tanh -> 3 logits (NumPy: params dict, W kept (in, out)); teacher the
        same net on the EMA weights (no gradient). loss = cross-entropy over the labeled rows
        (mean over them; torch ignore_index=-1) + 2.0 * mean over N*K of
        (softmax(student) - softmax(teacher))^2. Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected. Then the mean-teacher EMA: alpha = min(1 - 1/(global_step + 1), 0.9)
        with global_step counting the updates made, ema = alpha ema + (1 - alpha) theta (torch:
        buffers ema_fc1_weight, ...). The teacher's logits of each step are compared as the
        output (net.teacher_logits / model.teacher_logits).
    polyak_numpy.py:EMARegressor / polyak_torch.py:EMARegressor, polyak.npz X (40, 5), y (40, 2)
        student 5 -> 20 ReLU -> 2 (NumPy: attributes W1, b1, W2, b2, W kept (in, out));
        loss = mean((out - y)^2) + 0.5 * mean((out - teacher_out)^2) (means over N*D).
        SGD lr 0.05, momentum 0.9, weight decay 1e-3 coupled as torch.optim.SGD. Then the
        TensorFlow-style shadow weights: num_updates += 1,
        decay = min(0.9, (1 + num_updates)/(10 + num_updates)), shadow -= (1 - decay)(shadow - w)
        (torch: a dict of cloned tensors beside the module).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh214_cases

Each case:
    id          short name (prefixed WF)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh214/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mt(numpy="mt_numpy.py", port="mt_torch.py"):
    return [F + numpy + ":MeanTeacherMLP", "--torch", F + port + ":MeanTeacherMLP",
            "--data", F + "mt.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--output", "net.teacher_logits", "--torch-output", "model.teacher_logits", *RUN]


def mt_alt():
    return [F + "mt_alt_numpy.py:MeanTeacherAlt", "--torch", F + "mt_torch.py:MeanTeacherMLP",
            "--data", F + "mt.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias",
            "--output", "net.teacher_logits", "--torch-output", "model.teacher_logits", *RUN]


def polyak(numpy="polyak_numpy.py", port="polyak_torch.py", hidden="hidden", out="out"):
    return [F + numpy + ":EMARegressor", "--torch", F + port + ":EMARegressor",
            "--data", F + "polyak.npz", "--as-written",
            "--param", f"W1={hidden}.weight.T",
            "--param", f"b1={hidden}.bias",
            "--param", f"W2={out}.weight.T",
            "--param", f"b2={out}.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WF01", "side": "port", "args": mt(port="01_emastale_port.py"),
     "mechanism": "the EMA teacher is averaged before optimizer.step() instead of after it: it "
                  "averages the pre-update weights, one step stale",
     "expected": ("ema", "teacher", "before", "stale", "order")},
    {"id": "WF02", "side": "port", "args": mt(port="02_lerpswap_port.py"),
     "mechanism": "EMA written as ema.lerp_(p, alpha): the weights get alpha and the average "
                  "1 - alpha (lerp weight swapped; should be lerp_(p, 1 - alpha))",
     "expected": ("ema", "decay", "lerp", "1 - alpha", "swapped")},
    {"id": "WF03", "side": "port", "args": mt(port="03_logitcons_port.py"),
     "mechanism": "consistency loss taken as the MSE between student and teacher logits instead "
                  "of between their softmax probabilities",
     "expected": ("consistency", "softmax", "logits", "probabilities")},
    {"id": "WF04", "side": "port", "args": mt(port="04_supmean_port.py"),
     "mechanism": "supervised cross-entropy summed over the labeled rows and divided by all 48 "
                  "rows (unlabeled included) instead of the mean over the 25 labeled rows",
     "expected": ("labeled", "mask", "mean", "reduction", "ignore_index")},
    {"id": "WF05", "side": "port", "args": polyak(port="05_alias_port.py"),
     "mechanism": "shadow weights made with p.detach() without .clone(): they alias the "
                  "parameters, so the teacher is always the student and the consistency term is 0",
     "expected": ("clone", "alias", "shadow", "ema", "teacher")},
    {"id": "WF06", "side": "port", "args": polyak(port="06_conssum_port.py"),
     "mechanism": "consistency term F.mse_loss(pred, target, reduction='sum') where the NumPy "
                  "program takes the mean over N*D",
     "expected": ("consistency", "sum", "mean", "reduction")},
    {"id": "WF07", "side": "port", "args": polyak(port="07_counter_port.py"),
     "mechanism": "EMA decay min(0.9, (1 + n)/(10 + n)) computed from the update counter before "
                  "it is incremented (off by one: 0.1 instead of 2/11 at the first update)",
     "expected": ("decay", "off-by-one", "counter", "num_updates", "ema")},
    {"id": "WF08", "side": "port", "args": polyak(port="08_nowd_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=1e-3: the coupled L2 term of the "
                  "NumPy momentum update is missing",
     "expected": ("weight decay", "weight_decay", "l2", "decay")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WF09", "side": "numpy", "args": mt(numpy="09_jacobian_numpy.py"),
     "mechanism": "consistency gradient d/dp = 2 w (p - q)/(N K) added straight to the logits' "
                  "gradient: the softmax Jacobian left out",
     "expected": ("softmax", "jacobian", "consistency", "derivative")},
    {"id": "WF10", "side": "numpy", "args": mt(numpy="10_noramp_numpy.py"),
     "mechanism": "EMA decay fixed at 0.9 from the first step: the warm-up "
                  "alpha = min(1 - 1/(step + 1), 0.9) left out",
     "expected": ("ema", "decay", "warm-up", "warmup", "alpha", "teacher")},
    {"id": "WF11", "side": "numpy", "args": mt(numpy="11_unmasked_numpy.py"),
     "mechanism": "supervised backward not masked: the unlabeled rows' y = -1 puts a one-hot on the "
                  "last class and their (p - onehot) enters the gradient (the loss stays masked)",
     "expected": ("mask", "unlabeled", "labeled", "-1", "one-hot")},
    {"id": "WF12", "side": "numpy", "args": mt(numpy="12_cache_numpy.py"),
     "mechanism": "the forward caches the hidden activations in self.h and the teacher's forward "
                  "overwrites it: the weight gradients use the teacher's hidden activations",
     "expected": ("cache", "teacher", "hidden", "activation", "overwritten")},
    {"id": "WF13", "side": "numpy", "args": polyak(numpy="13_biasema_numpy.py"),
     "mechanism": "EMA shadow updated for the weights only: the teacher's biases stay at their "
                  "initial values",
     "expected": ("bias", "ema", "shadow", "teacher")},
    {"id": "WF14", "side": "numpy", "args": polyak(numpy="14_conssign_numpy.py"),
     "mechanism": "consistency gradient with the sign flipped: 2 lam (t_out - out)/size instead "
                  "of 2 lam (out - t_out)/size",
     "expected": ("sign", "consistency", "negated", "flipped")},
    {"id": "WF15", "side": "numpy", "args": polyak(numpy="15_wdvel_numpy.py"),
     "mechanism": "weight decay added to the step outside the momentum velocity "
                  "(w -= lr (v + wd w)) instead of into the gradient before the velocity",
     "expected": ("weight decay", "momentum", "velocity", "decoupled")},
    {"id": "WF16", "side": "numpy", "args": polyak(numpy="16_mserows_numpy.py"),
     "mechanism": "supervised MSE gradient divided by the number of rows N instead of N*D (the "
                  "loss value is the mean over all elements): twice too large",
     "expected": ("mean", "reduction", "mse", "factor", "2")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WF17", "side": "correct", "args": mt_alt(),
     "mechanism": "correct: NumPy mean teacher with layers as a list of dicts, W kept (out, in), "
                  "einsum, an explicit softmax Jacobian, Adam and EMA updated in place",
     "expected": ()},
    {"id": "WF18", "side": "correct",
     "args": polyak(port="polyak_alt_torch.py", hidden="net.0", out="net.2"),
     "mechanism": "correct: port as an nn.Sequential, shadow dict moved with lerp_, teacher run "
                  "through torch.func.functional_call, losses written by hand",
     "expected": ()},
    {"id": "WF19", "side": "correct", "args": mt(port="mt_alt_torch.py"),
     "mechanism": "correct: port with the EMA teacher as one flat buffer (parameters_to_vector, "
                  "lerp_), sliced for the teacher forward; masked CE by log_softmax + gather",
     "expected": ()},
]
