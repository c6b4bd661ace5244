"""One hundred twenty-fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh125/, each a copy of a correct base program with one small change. The theme is
optimizers written by hand that are less common (Adadelta, Adamax with Polyak averaging,
Lookahead around SGD with momentum), on small MLPs.

The base programs (data from fresh125/make_data.py, fixed seed):

  adadelta_numpy.py:AdadeltaNet / adadelta_torch.py:AdadeltaNet  (adadelta.npz: X (64, 6),
      y int64 (64,) in 3 classes). 6 -> 16 tanh -> 3 logits, softmax cross-entropy averaged
      over the batch. Adadelta with lr=1.0, rho=0.9, eps=1e-6 and L2 weight decay 5e-3 in
      the gradient: E[g^2] = rho E[g^2] + (1-rho) g^2; delta = sqrt(E[dx^2]+eps) /
      sqrt(E[g^2]+eps) * g; E[dx^2] = rho E[dx^2] + (1-rho) delta^2; p -= lr delta. NumPy keeps
      params {W1 (6,16), b1, W2 (16,3), b2}, grads, square_avg, acc_delta; the port is
      fc1/fc2 nn.Linear with F.cross_entropy and torch.optim.Adadelta (states square_avg,
      acc_delta compared).

  adamax_numpy.py:AdamaxNet / adamax_torch.py:AdamaxNet  (adamax.npz: X (48, 5), y (48, 1)
      in {0, 1}). 5 -> 8 sigmoid -> 1 sigmoid, binary cross-entropy (mean). Adamax with
      lr=0.02, betas (0.9, 0.999), eps=1e-8: m = b1 m + (1-b1) g; u = max(b2 u, |g| + eps)
      elementwise; p -= lr / (1 - b1^t) * m / u. After every update a Polyak running mean of
      the iterates, avg += (p - avg) / n; the compared output is the prediction of the
      averaged weights on the batch (net.predict_averaged(X) / model.predict_averaged(X)).
      The port is nn.Linear + torch.sigmoid, nn.BCELoss, torch.optim.Adamax (exp_avg,
      exp_inf compared) and the averages kept in registered buffers.

  lookahead_numpy.py:LookaheadNet / lookahead_torch.py:LookaheadNet  (lookahead.npz: X (64, 4),
      y (64, 2) regression). 4 -> 10 tanh -> 2 linear, mean squared error (F.mse_loss).
      Lookahead (k=5, alpha=0.5) around SGD with momentum 0.9 (lr 0.05, torch's form
      v = mu v + g, p -= lr v): slow weights start as the initial weights; every 5 inner
      steps slow += alpha (fast - slow) and the fast weights are reset to the slow ones, the
      momentum buffers kept. The port wraps torch.optim.SGD in a hand-written Lookahead
      (a torch.optim.Optimizer sharing the inner param_groups and state, slow weights in
      state['slow_buffer']); momentum_buffer and slow_buffer are compared.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh125_cases

Each case:
    id          short name (prefixed SU)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a
                buggy port is checked against the correct NumPy base, a buggy NumPy program
                against the correct port
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, the findings reference or any other set;
validated by exit status alone (each bug exits 1, its fixed copy 0; each correct program 0).
"""

F = "scripts/diagnosis_sets/fresh125/"

RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

PARAMS_FC = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
             "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]

ADADELTA = ["--as-written", "--data", F + "adadelta.npz", "--init", "net = AdadeltaNet()",
            *PARAMS_FC,
            "--state", "square_avg=net.square_avg", "--state", "acc_delta=net.acc_delta", *RUN]

ADAMAX = ["--as-written", "--data", F + "adamax.npz", "--init", "net = AdamaxNet()",
          *PARAMS_FC,
          "--state", "exp_avg=net.m", "--state", "exp_inf=net.u",
          "--output", "net.predict_averaged(X)", "--torch-output", "model.predict_averaged(X)",
          *RUN]

LOOKAHEAD = ["--as-written", "--data", F + "lookahead.npz", "--init", "net = LookaheadNet()",
             *PARAMS_FC,
             "--state", "momentum_buffer=net.velocity", "--state", "slow_buffer=net.slow", *RUN]


def adadelta_port(name):
    return [F + "adadelta_numpy.py:AdadeltaNet", "--torch", F + name + ":AdadeltaNet", *ADADELTA]


def adadelta_numpy(name):
    return [F + name + ":AdadeltaNet", "--torch", F + "adadelta_torch.py:AdadeltaNet", *ADADELTA]


def adamax_port(name):
    return [F + "adamax_numpy.py:AdamaxNet", "--torch", F + name + ":AdamaxNet", *ADAMAX]


def adamax_numpy(name):
    return [F + name + ":AdamaxNet", "--torch", F + "adamax_torch.py:AdamaxNet", *ADAMAX]


def lookahead_port(name):
    return [F + "lookahead_numpy.py:LookaheadNet", "--torch", F + name + ":LookaheadNet", *LOOKAHEAD]


def lookahead_numpy(name):
    return [F + name + ":LookaheadNet", "--torch", F + "lookahead_torch.py:LookaheadNet", *LOOKAHEAD]


CASES = [
    # ---------------------------------------------------------------- ports
    {"id": "SU01", "side": "port", "args": adadelta_port("01_adadelta_eps_port.py"),
     "mechanism": "torch.optim.Adadelta built with eps=1e-8 (Adam's habit) where the NumPy Adadelta uses eps=1e-6; eps sets the size of the first updates",
     "expected": ("eps", "epsilon", "1e-8", "1e-6")},
    {"id": "SU02", "side": "port", "args": adadelta_port("02_adadelta_nodecay_port.py"),
     "mechanism": "torch.optim.Adadelta built without weight_decay=5e-3: the L2 term the NumPy program adds to each gradient is left out",
     "expected": ("weight decay", "weight_decay", "l2", "decay")},
    {"id": "SU03", "side": "port", "args": adadelta_port("03_adadelta_softmaxdim_port.py"),
     "mechanism": "the loss written as nll_loss(log_softmax(logits, dim=0)): the softmax normalised over the batch axis instead of the class axis",
     "expected": ("dim", "axis", "softmax", "log_softmax", "batch axis")},
    {"id": "SU04", "side": "port", "args": adamax_port("04_adamax_beta2_port.py"),
     "mechanism": "torch.optim.Adamax built with betas=(0.9, 0.99) where the NumPy Adamax decays its infinity norm with beta2=0.999",
     "expected": ("beta2", "betas", "0.99", "beta")},
    {"id": "SU05", "side": "port", "args": adamax_port("05_adamax_avgorder_port.py"),
     "mechanism": "the Polyak average updated before optimizer.step() instead of after it: the averaged weights lag one update behind (the step-1 average is the initial weights)",
     "expected": ("average", "polyak", "before", "order", "lag")},
    {"id": "SU06", "side": "port", "args": adamax_port("06_adamax_logitsloss_port.py"),
     "mechanism": "nn.BCEWithLogitsLoss applied to a model that already ends in a sigmoid: the sigmoid is applied twice in the loss",
     "expected": ("bcewithlogits", "logits", "sigmoid", "twice", "probabilities")},
    {"id": "SU07", "side": "port", "args": lookahead_port("07_lookahead_noreset_port.py"),
     "mechanism": "the Lookahead synchronisation moves the slow weights but never copies them back into the fast weights (p.copy_(slow) left out)",
     "expected": ("fast weights", "reset", "copy", "slow weights", "lookahead")},
    {"id": "SU08", "side": "port", "args": lookahead_port("08_lookahead_counter_port.py"),
     "mechanism": "the Lookahead step counter incremented after the k test instead of before it: synchronises at steps 1, 6, 11, ... instead of 5, 10, 15, ...",
     "expected": ("counter", "off-by-one", "every k", "synchron", "lookahead")},
    # ---------------------------------------------------------------- numpy
    {"id": "SU09", "side": "numpy", "args": adadelta_numpy("09_adadelta_order_numpy.py"),
     "mechanism": "Adadelta's running average of squared gradients E[g^2] updated after the delta is computed instead of before, so the step divides by the previous E[g^2]",
     "expected": ("order", "before", "square_avg", "running average", "e[g^2]")},
    {"id": "SU10", "side": "numpy", "args": adadelta_numpy("10_adadelta_gradscale_numpy.py"),
     "mechanism": "the softmax cross-entropy gradient divided by N*classes (dlogits.size) instead of the batch size N: gradients 3x too small",
     "expected": ("batch size", "classes", "scale", "mean", "1/n")},
    {"id": "SU11", "side": "numpy", "args": adamax_numpy("11_adamax_biascorr_numpy.py"),
     "mechanism": "Adamax's bias correction 1/(1 - beta1^t) of the learning rate left out",
     "expected": ("bias correction", "bias-correction", "1 - beta1", "beta1")},
    {"id": "SU12", "side": "numpy", "args": adamax_numpy("12_adamax_infnorm_numpy.py"),
     "mechanism": "Adamax's infinity norm taken as one max over the whole tensor (np.abs(g).max()) instead of elementwise |g|",
     "expected": ("elementwise", "infinity norm", "exp_inf", "per element", "whole tensor")},
    {"id": "SU13", "side": "numpy", "args": lookahead_numpy("13_lookahead_tanh_numpy.py"),
     "mechanism": "the tanh derivative computed as 1 - tanh(h)^2 of the already-activated h instead of 1 - h^2",
     "expected": ("tanh", "derivative", "activated", "activation-derivative")},
    {"id": "SU14", "side": "numpy", "args": adamax_numpy("14_adamax_halfavg_numpy.py"),
     "mechanism": "the Polyak running mean avg += (p - avg)/n replaced by avg = (avg + p)/2, an exponential average with weight 1/2 (starting from zero)",
     "expected": ("average", "polyak", "running mean", "exponential", "1/n")},
    {"id": "SU15", "side": "numpy", "args": lookahead_numpy("15_lookahead_slowsign_numpy.py"),
     "mechanism": "the Lookahead slow-weight update written slow += alpha (slow - fast): the sign flipped, moving the slow weights away from the fast ones",
     "expected": ("sign", "slow weights", "direction", "interpolat", "lookahead")},
    {"id": "SU16", "side": "numpy", "args": lookahead_numpy("16_lookahead_velreset_numpy.py"),
     "mechanism": "the momentum buffers (velocity) zeroed at each Lookahead synchronisation, where the port keeps them",
     "expected": ("momentum buffer", "momentum_buffer", "velocity", "reset", "zero")},
    # ---------------------------------------------------------------- correct
    {"id": "SU17", "side": "correct",
     "args": [F + "17_correct_adadelta_layout_numpy.py:AdadeltaNet", "--torch", F + "adadelta_torch.py:AdadeltaNet",
              "--as-written", "--data", F + "adadelta.npz", "--init", "net = AdadeltaNet()",
              "--param", "W1=fc1.weight", "--param", "b1=fc1.bias",
              "--param", "W2=fc2.weight", "--param", "b2=fc2.bias",
              "--state", "square_avg=net.Eg2", "--state", "acc_delta=net.Edx2", *RUN],
     "mechanism": "correct: Adadelta classifier with (out, in) weights as attributes, X @ W.T, sqrt of the ratio and in-place accumulators",
     "expected": ()},
    {"id": "SU18", "side": "correct",
     "args": [F + "adamax_numpy.py:AdamaxNet", "--torch", F + "18_correct_adamax_sequential_port.py:AdamaxNet",
              "--as-written", "--data", F + "adamax.npz", "--init", "net = AdamaxNet()",
              "--param", "params['W1']=layers.0.weight.T", "--param", "params['b1']=layers.0.bias",
              "--param", "params['W2']=layers.2.weight.T", "--param", "params['b2']=layers.2.bias",
              "--state", "exp_avg=net.m", "--state", "exp_inf=net.u",
              "--output", "net.predict_averaged(X)", "--torch-output", "model.predict_averaged(X)", *RUN],
     "mechanism": "correct: Adamax port as nn.Sequential returning logits with BCEWithLogitsLoss, Polyak average in a dict via lerp_ and functional_call",
     "expected": ()},
    {"id": "SU19", "side": "correct",
     "args": [F + "lookahead_numpy.py:LookaheadNet", "--torch", F + "19_correct_lookahead_functional_port.py:LookaheadNet",
              "--as-written", "--data", F + "lookahead.npz", "--init", "net = LookaheadNet()",
              *PARAMS_FC, "--state", "momentum_buffer=net.velocity", *RUN],
     "mechanism": "correct: Lookahead written in the training step with lerp_ around a plain torch.optim.SGD, slow weights in a list on the model",
     "expected": ()},
]
