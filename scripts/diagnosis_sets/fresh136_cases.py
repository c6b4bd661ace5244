"""One hundred thirty-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh136/, each a NumPy program or PyTorch port as people write them, checked
against the correct other side. The theme is gated recurrent cells written by
hand over short sequences stored flat in X (each row T steps of D features),
unrolled over T steps with backpropagation through time.

The base programs (data from fresh136/make_data.py, fixed seed):

  lstm_numpy.py:LSTMRegressor / lstm_torch.py:LSTMRegressor (lstm.npz: X (64, 15) =
      5 steps of 3 features, y (64, 2)). An LSTM cell in nn.LSTMCell's layout (gates
      input, forget, cell, output; W_ih (24, 3), W_hh (24, 6), two biases b_ih, b_hh,
      the forget-gate bias starting at 1), the cell state carried, hidden 6; a linear
      head W_y (6, 2), b_y on the last hidden state; mean squared error; gradients
      clipped by global L2 norm to 0.15 (max_norm / (norm + 1e-6)); Adam lr 0.01,
      betas 0.9, 0.999, eps 1e-8. The NumPy program writes BPTT by hand and keeps
      m, v; the port unrolls nn.LSTMCell(3, 6) with nn.Linear(6, 2), F.mse_loss,
      clip_grad_norm_ and torch.optim.Adam.

  gru_numpy.py:GRUTagger / gru_torch.py:GRUTagger (gru.npz: X (64, 15) = 5 steps of 3
      features, y (64, 5) a target at every step). A GRU cell of Cho et al., the
      candidate computed from the reset hidden state: z, r = σ(x W_x[:, :2H] + b + h U_zr),
      n = tanh(x W_x[:, 2H:] + b + (r * h) U_n), h' = (1 - z) h + z n, hidden 5;
      a linear head W_y (5, 1) on every step; mean squared error over all N*T;
      global-norm clipping to 0.25; SGD with momentum 0.9 in torch's form
      (v = μ v + g, p -= lr v), lr 0.1. The port writes the cell by hand with
      nn.Linear layers (x2g, h2zr, h2n, head; every weight transposed), F.mse_loss,
      clip_grad_norm_ and torch.optim.SGD(momentum=0.9).

  grucls_numpy.py:GRUClassifier / grucls_torch.py:GRUClassifier (grucls.npz: X (48, 16) =
      4 steps of 4 features, y (48,) int64 in 0..2). The GRU cell of nn.GRUCell (gates
      reset, update, new; the reset gate applied to the hidden matrix product,
      n = tanh(i_n + r * (h W_h[:, 2H:] + b_h[2H:])), h' = (1 - z) n + z h), weights kept
      (in, out): W_i (4, 15), W_h (5, 15), b_i, b_h, hidden 5; a linear head W_o (5, 3) on
      the last hidden state; softmax cross-entropy averaged over rows; every gradient
      entry clipped to [-0.05, 0.05]; plain SGD lr 0.5. The port unrolls nn.GRUCell(4, 5)
      with nn.Linear(5, 3), F.cross_entropy, clip_grad_value_ and torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh136_cases

Each case:
    id          short name (prefixed TF)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                --steps 20 --dtype float32 --device cpu are added by the runner
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list, its tests
or any other set; validated by exit status alone (each buggy program exits 1 and
its fixed copy exits 0 under the same arguments; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh136/"

LSTM_PARAMS = ["--param", "params['W_ih']=cell.weight_ih", "--param", "params['W_hh']=cell.weight_hh",
               "--param", "params['b_ih']=cell.bias_ih", "--param", "params['b_hh']=cell.bias_hh",
               "--param", "params['W_y']=head.weight.T", "--param", "params['b_y']=head.bias"]
GRU_PARAMS = ["--param", "params['W_x']=x2g.weight.T", "--param", "params['b']=x2g.bias",
              "--param", "params['U_zr']=h2zr.weight.T", "--param", "params['U_n']=h2n.weight.T",
              "--param", "params['W_y']=head.weight.T", "--param", "params['b_y']=head.bias"]
GRUCLS_PARAMS = ["--param", "params['W_i']=cell.weight_ih.T", "--param", "params['W_h']=cell.weight_hh.T",
                 "--param", "params['b_i']=cell.bias_ih", "--param", "params['b_h']=cell.bias_hh",
                 "--param", "params['W_o']=head.weight.T", "--param", "params['b_o']=head.bias"]


def lstm_port(port, name="LSTMRegressor", params=LSTM_PARAMS):
    return [F + "lstm_numpy.py:LSTMRegressor", "--torch", F + port + ":" + name, "--as-written",
            "--data", F + "lstm.npz", *params]


def lstm_numpy(numpy):
    return [F + numpy + ":LSTMRegressor", "--torch", F + "lstm_torch.py:LSTMRegressor", "--as-written",
            "--data", F + "lstm.npz", *LSTM_PARAMS]


def gru_port(port):
    return [F + "gru_numpy.py:GRUTagger", "--torch", F + port + ":GRUTagger", "--as-written",
            "--data", F + "gru.npz", *GRU_PARAMS]


def gru_numpy(numpy, name="GRUTagger"):
    return [F + numpy + ":" + name, "--torch", F + "gru_torch.py:GRUTagger", "--as-written",
            "--data", F + "gru.npz", *GRU_PARAMS]


def grucls_port(port):
    return [F + "grucls_numpy.py:GRUClassifier", "--torch", F + port + ":GRUClassifier", "--as-written",
            "--data", F + "grucls.npz", *GRUCLS_PARAMS]


def grucls_numpy(numpy, name="GRUClassifier", params=GRUCLS_PARAMS):
    return [F + numpy + ":" + name, "--torch", F + "grucls_torch.py:GRUClassifier", "--as-written",
            "--data", F + "grucls.npz", *params]


CASES = [
    # ---------------------------------------------------------------- ports
    {"id": "TF01", "side": "port", "args": lstm_port("01_lstm_state_order_port.py"),
     "mechanism": "nn.LSTMCell is given its state as (c, h) instead of (h, c): hidden and cell states swapped every step",
     "expected": ("state", "swapped", "(h, c)", "cell state", "order")},
    {"id": "TF02", "side": "port", "args": lstm_port("02_lstm_beta2_port.py"),
     "mechanism": "torch.optim.Adam built with betas=(0.9, 0.99) where the NumPy Adam uses beta2 = 0.999",
     "expected": ("beta2", "betas", "0.99", "exp_avg_sq", "second moment")},
    {"id": "TF03", "side": "port", "args": lstm_port("03_lstm_clip_after_step_port.py"),
     "mechanism": "clip_grad_norm_ called after optimizer.step(), so Adam steps on the unclipped gradients",
     "expected": ("clip", "clipping", "after optimizer.step", "norm", "order")},
    {"id": "TF04", "side": "port", "args": gru_port("04_gru_reset_after_matrix_port.py"),
     "mechanism": "the reset gate applied after the hidden matrix, r * (h @ U_n), instead of to the hidden state before it, (r * h) @ U_n",
     "expected": ("reset", "r * h", "candidate", "before the matrix", "after the matrix")},
    {"id": "TF05", "side": "port", "args": gru_port("05_gru_interpolation_swapped_port.py"),
     "mechanism": "the GRU interpolation swapped: h = z * h + (1 - z) * n instead of (1 - z) * h + z * n",
     "expected": ("update gate", "interpolation", "1 - z", "swapped", "z")},
    {"id": "TF06", "side": "port", "args": gru_port("06_gru_sequence_layout_port.py"),
     "mechanism": "the flat rows unflattened feature-major, X.view(N, D, T).transpose(1, 2), where they are stored step-major (t * D + d)",
     "expected": ("reshape", "view", "layout", "transpose", "step-major")},
    {"id": "TF07", "side": "port", "args": grucls_port("07_grucls_softmax_before_ce_port.py"),
     "mechanism": "softmax applied to the logits before F.cross_entropy, which applies log-softmax again (double softmax)",
     "expected": ("softmax", "cross_entropy", "probabilities", "logits", "twice")},
    {"id": "TF08", "side": "port", "args": grucls_port("08_grucls_hidden_not_carried_port.py"),
     "mechanism": "nn.GRUCell called without the hidden state, so every step starts from zeros and nothing is carried",
     "expected": ("hidden state", "not carried", "zeros", "recurren", "h0")},
    # ---------------------------------------------------------------- numpy programs
    {"id": "TF09", "side": "numpy", "args": lstm_numpy("09_lstm_cell_gate_derivative_numpy.py"),
     "mechanism": "the cell-candidate gate g = tanh(z_g) differentiated as a sigmoid, g (1 - g), instead of 1 - g**2",
     "expected": ("tanh", "derivative", "candidate", "cell gate", "1 - g")},
    {"id": "TF10", "side": "numpy", "args": lstm_numpy("10_lstm_cell_grad_not_carried_numpy.py"),
     "mechanism": "the cell-state gradient reset at each step of BPTT (dc = dh * o * tanh') instead of added to the one carried from t+1",
     "expected": ("cell state", "carried", "through time", "dc", "accumulat")},
    {"id": "TF11", "side": "numpy", "args": lstm_numpy("11_lstm_adam_no_m_correction_numpy.py"),
     "mechanism": "Adam's first moment used without its bias correction (m_hat = m instead of m / (1 - beta1**t))",
     "expected": ("bias correction", "bias-correct", "beta1", "first moment", "1 - b1")},
    {"id": "TF12", "side": "numpy", "args": gru_numpy("12_gru_update_gate_sign_numpy.py"),
     "mechanism": "the update-gate gradient with the wrong sign: dz = dh * (h_prev - n) instead of dh * (n - h_prev)",
     "expected": ("update gate", "sign", "z", "n - h")},
    {"id": "TF13", "side": "numpy", "args": gru_numpy("13_gru_momentum_order_numpy.py"),
     "mechanism": "the parameter stepped with the previous velocity before the velocity takes this step's gradient",
     "expected": ("momentum", "velocity", "order", "stale", "before")},
    {"id": "TF14", "side": "numpy", "args": grucls_numpy("14_grucls_reset_factor_missing_numpy.py"),
     "mechanism": "the gradient into the hidden candidate pre-activation h_n misses the reset-gate factor r (W_h, b_h new-gate block)",
     "expected": ("reset", "factor r", "new gate", "candidate", "r *")},
    {"id": "TF15", "side": "numpy", "args": grucls_numpy("15_grucls_softmax_axis_numpy.py"),
     "mechanism": "softmax normalised over axis 0 (the batch) instead of axis 1 (the classes)",
     "expected": ("axis", "softmax", "batch", "normalis", "normaliz")},
    {"id": "TF16", "side": "numpy", "args": grucls_numpy("16_grucls_clip_one_sided_numpy.py"),
     "mechanism": "gradient clipping by value one-sided: np.minimum(g, 0.05) leaves entries below -0.05 unclipped",
     "expected": ("clip", "one-sided", "lower bound", "negative", "-0.05")},
    # ---------------------------------------------------------------- correct programs
    {"id": "TF17", "side": "correct",
     "args": lstm_port("17_lstm_handwritten_cell_port.py", "LSTMHandCell",
                       ["--param", "params['W_ih']=weight_ih", "--param", "params['W_hh']=weight_hh",
                        "--param", "params['b_ih']=bias_ih", "--param", "params['b_hh']=bias_hh",
                        "--param", "params['W_y']=w_out", "--param", "params['b_y']=b_out"]),
     "mechanism": "correct: the LSTM port with a hand-written cell on raw parameters and hand-written norm clipping",
     "expected": ()},
    {"id": "TF18", "side": "correct", "args": gru_numpy("18_gru_vectorized_numpy.py", "GRUTaggerVec"),
     "mechanism": "correct: the Cho GRU tagger with all input projections at once, einsum reductions, in-place momentum",
     "expected": ()},
    {"id": "TF19", "side": "correct",
     "args": grucls_numpy("19_grucls_torch_layout_numpy.py", "GRUClassifierTL",
                          ["--param", "params['weight_ih']=cell.weight_ih", "--param", "params['weight_hh']=cell.weight_hh",
                           "--param", "params['bias_ih']=cell.bias_ih", "--param", "params['bias_hh']=cell.bias_hh",
                           "--param", "params['weight_out']=head.weight", "--param", "params['bias_out']=head.bias"]),
     "mechanism": "correct: the GRU classifier with weights kept (out, in), log-softmax cross-entropy, in-place clipping",
     "expected": ()},
]
