"""Seventy-first fresh held-out set for the diagnosis: one planted bug per program in fresh71/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is small sequence-to-sequence models with attention written by hand: integer source
and target token sequences (0 = padding) looked up in embedding tables, an encoder over the
source (a tanh RNN, a GRU in PyTorch's gate form with the state kept over the padding, or a GRU
written gate by gate with one bias per gate), a decoder run with teacher forcing on the target
sequence stored in the data file (y[:, :-1] in, y[:, 1:] predicted), attention over the encoder
states with the padding masked to -1e9 before a softmax over the source positions: additive
(Bahdanau, va . tanh(s Wq + h Wk)), dot-product (Luong, with the attentional state
tanh(Wc [c, s])) or bilinear scaled by 1/sqrt(HID); the context concatenated with the decoder
state before the output projection; cross-entropy averaged over the non-padding target tokens;
backpropagation through time in NumPy. Optimizers: SGD with global-norm clipping (additive),
Adam with betas (0.9, 0.98) (luong), clipping then SGD with momentum 0.9 (general).
fresh71/make_data.py writes the data (pairs.npz).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh71_cases

Each case:
    id          short name (prefixed QS)
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

F = "scripts/diagnosis_sets/fresh71/"

PAIRS = F + "pairs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", PAIRS, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


ADD_PARAMS = params("params['E_src']=src_emb.weight", "params['E_tgt']=tgt_emb.weight",
                    "params['Wxe']=enc_x.weight.T", "params['be']=enc_x.bias", "params['Whe']=enc_h.weight.T",
                    "params['Wxd']=dec_x.weight.T", "params['bd']=dec_x.bias", "params['Whd']=dec_h.weight.T",
                    "params['Wq']=att_q.weight.T", "params['Wk']=att_k.weight.T", "params['va']=att_v.weight.T",
                    "params['Wo']=out.weight.T", "params['bo']=out.bias")
ADD_ATTR_PARAMS = params("E_src=src_emb.weight", "E_tgt=tgt_emb.weight", "Wxe=enc_x.weight.T", "be=enc_x.bias",
                         "Whe=enc_h.weight.T", "Wxd=dec_x.weight.T", "bd=dec_x.bias", "Whd=dec_h.weight.T",
                         "Wq=att_q.weight.T", "Wk=att_k.weight.T", "va=att_v.weight.T", "Wo=out.weight.T",
                         "bo=out.bias")
LUONG_PARAMS = params("params['E_src']=src_emb.weight", "params['E_tgt']=tgt_emb.weight",
                      "params['Wx_e']=encoder.weight_ih.T", "params['Wh_e']=encoder.weight_hh.T",
                      "params['bx_e']=encoder.bias_ih", "params['bh_e']=encoder.bias_hh",
                      "params['Wx_d']=decoder.weight_ih.T", "params['Wh_d']=decoder.weight_hh.T",
                      "params['bx_d']=decoder.bias_ih", "params['bh_d']=decoder.bias_hh",
                      "params['Wc']=combine.weight.T", "params['Wo']=out.weight.T", "params['bo']=out.bias")
LUONG_GRU_PARAMS = params("params['E_src']=embed_src.weight", "params['E_tgt']=embed_tgt.weight",
                          "params['Wx_e']=enc.weight_ih_l0.T", "params['Wh_e']=enc.weight_hh_l0.T",
                          "params['bx_e']=enc.bias_ih_l0", "params['bh_e']=enc.bias_hh_l0",
                          "params['Wx_d']=dec.weight_ih_l0.T", "params['Wh_d']=dec.weight_hh_l0.T",
                          "params['bx_d']=dec.bias_ih_l0", "params['bh_d']=dec.bias_hh_l0",
                          "params['Wc']=attn_combine.weight.T", "params['Wo']=proj.weight.T",
                          "params['bo']=proj.bias")
GEN_PARAMS = params("params['E_src']=src_emb.weight", "params['E_tgt']=tgt_emb.weight",
                    "params['Wr']=encoder.x_r.weight.T", "params['br']=encoder.x_r.bias",
                    "params['Ur']=encoder.h_r.weight.T", "params['Wz']=encoder.x_z.weight.T",
                    "params['bz']=encoder.x_z.bias", "params['Uz']=encoder.h_z.weight.T",
                    "params['Wn']=encoder.x_n.weight.T", "params['bn']=encoder.x_n.bias",
                    "params['Un']=encoder.h_n.weight.T", "params['Wxd']=dec_x.weight.T", "params['bd']=dec_x.bias",
                    "params['Whd']=dec_h.weight.T", "params['Wa']=W_a.weight.T", "params['Wo']=out.weight.T",
                    "params['bo']=out.bias")
GEN_RAW_PARAMS = params("params['E_src']=src_table", "params['E_tgt']=tgt_table", "params['Wr']=W_r",
                        "params['Wz']=W_z", "params['Wn']=W_n", "params['Ur']=U_r", "params['Uz']=U_z",
                        "params['Un']=U_n", "params['br']=b_r", "params['bz']=b_z", "params['bn']=b_n",
                        "params['Wxd']=W_dec", "params['Whd']=U_dec", "params['bd']=b_dec", "params['Wa']=W_att",
                        "params['Wo']=W_out", "params['bo']=b_out")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QS01_additive_detach_state", side="port",
         args=pair("additive_numpy.py", "AdditiveSeq2Seq", "01_additive_detach_port.py", "AdditiveSeq2Seq",
                   *ADD_PARAMS),
         mechanism="pair: the port's decoder step feeds the previous state through .detach(), "
                   "dec_h(s.detach()) instead of dec_h(s) (the language-model 'repackage hidden' habit): "
                   "backpropagation through time is cut at every decoder step, so the forward and loss agree but "
                   "the recurrent and earlier-step gradients are lost: Whd, Wxd, bd, the target embeddings and the "
                   "encoder's gradient through the decoder's initial state are wrong (truncated), and the "
                   "global-norm clip then rescales every gradient by the wrong norm while it is active",
         expected=("detach", "detached", "truncated", "bptt", "backpropagation through time", "recurrent",
                   "hidden state", "decoder state", "gradient flow", "stop gradient", "no gradient",
                   "previous step", "whd", "missing gradient", "cut")),
    dict(id="QS02_additive_last_position", side="port",
         args=pair("additive_numpy.py", "AdditiveSeq2Seq", "02_additive_last_state_port.py", "AdditiveSeq2Seq",
                   *ADD_PARAMS),
         mechanism="pair: the port starts the decoder from the encoder state at the last column, enc[:, -1], "
                   "instead of each row's last real token, enc[arange(n), lengths - 1]: for every row shorter "
                   "than 6 tokens the encoder has run on over the padding embeddings, so the decoder's initial "
                   "state, the logits, the loss and all gradients differ (the padding row of the source table "
                   "now gets a gradient)",
         expected=("last", "lengths", "length", "padding", "padded", "final state", "initial state",
                   "decoder initial", "encoder state", "last real token", "last position", "[:, -1]", "gather",
                   "index", "variable length", "pad")),
    dict(id="QS03_luong_mask_broadcast", side="port",
         args=pair("luong_numpy.py", "LuongSeq2Seq", "03_luong_mask_unsqueeze_port.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the port broadcasts the (n, S) source padding mask over the (n, T, S) scores with "
                   "unsqueeze(2) instead of unsqueeze(1); since T == S it broadcasts silently as (n, S, 1), so "
                   "whole decoder rows t are masked where source position t is padding (those rows become "
                   "uniform over all positions) and the padding columns are left unmasked elsewhere: the "
                   "attention weights, the loss and all gradients differ",
         expected=("mask", "masked_fill", "broadcast", "broadcasting", "unsqueeze", "dimension", "axis", "shape",
                   "padding", "source positions", "decoder steps", "rows", "columns", "attention", "transpose")),
    dict(id="QS04_luong_adam_betas", side="port",
         args=pair("luong_numpy.py", "LuongSeq2Seq", "04_luong_adam_betas_port.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam without betas=(0.9, 0.98), so it runs with the "
                   "default beta2 = 0.999: the gradients and the first moment agree, but the second moment "
                   "exp_avg_sq averages with weight 0.001 instead of 0.02 and its bias correction 1 - 0.999^t "
                   "differs, so every update differs by a ratio that moves with the step",
         expected=("beta2", "betas", "0.999", "0.98", "adam", "default", "second moment", "exp_avg_sq",
                   "bias correction", "moving average", "optimizer", "hyperparameter", "v_hat", "decay rate")),
    dict(id="QS05_luong_no_ignore_index", side="port",
         args=pair("luong_numpy.py", "LuongSeq2Seq", "05_luong_ignore_index_port.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the port calls F.cross_entropy without ignore_index=PAD: the padding targets (id 0) "
                   "count as real tokens of class 0, so the loss averages over all n * T positions, including "
                   "the padded ones that push the model to predict the padding token, instead of over the real "
                   "target tokens; loss and every gradient differ",
         expected=("ignore_index", "padding", "pad", "cross_entropy", "mask", "masked", "non-padding",
                   "class 0", "token count", "average", "mean over", "all positions", "padded targets",
                   "loss", "reduction")),
    dict(id="QS06_general_gru_blend", side="port",
         args=pair("general_numpy.py", "GeneralSeq2Seq", "06_general_gru_blend_port.py", "GeneralSeq2Seq",
                   *GEN_PARAMS),
         mechanism="pair: the port's hand-written GRU cell interpolates the other way round, "
                   "h' = z * n + (1 - z) * h instead of (1 - z) * n + z * h (Cho et al.'s convention against "
                   "PyTorch's): the update gate keeps the candidate where it should keep the old state, so "
                   "every encoder state, the decoder's start, the loss and all gradients differ",
         expected=("gru", "update gate", "interpolation", "z", "1 - z", "convention", "swapped", "gate",
                   "candidate", "previous state", "cell", "encoder", "convex combination", "lerp")),
    dict(id="QS07_general_nesterov", side="port",
         args=pair("general_numpy.py", "GeneralSeq2Seq", "07_general_nesterov_port.py", "GeneralSeq2Seq",
                   *GEN_PARAMS),
         mechanism="pair: the port's torch.optim.SGD has nesterov=True where the NumPy program uses plain "
                   "(heavy-ball) momentum: the momentum buffers agree but each step applies g + 0.9 * buf "
                   "instead of buf, so every update differs (by the look-ahead term) while the loss and the "
                   "gradients of a step agree",
         expected=("nesterov", "momentum", "look-ahead", "lookahead", "sgd", "momentum buffer", "velocity",
                   "heavy ball", "update", "optimizer", "g + momentum", "step", "update rule")),
    dict(id="QS08_general_teacher_forcing_shift", side="port",
         args=pair("general_numpy.py", "GeneralSeq2Seq", "08_general_teacher_shift_port.py", "GeneralSeq2Seq",
                   *GEN_PARAMS),
         mechanism="pair: the port's teacher forcing feeds the decoder y[:, 1:], the targets themselves, "
                   "instead of y[:, :-1], the sequence shifted right behind the begin-of-sequence token: each "
                   "step reads the token it must predict (an off-by-one slice), so the decoder inputs, the "
                   "loss and every gradient differ",
         expected=("teacher forcing", "shift", "shifted", "off by one", "off-by-one", "slice", "y[:, :-1]",
                   "y[:, 1:]", "decoder input", "target", "begin-of-sequence", "bos", "leak",
                   "previous token", "time step")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QS09_additive_whd_transpose", side="numpy",
         args=pair("09_additive_whd_transpose_numpy.py", "AdditiveSeq2Seq", "additive_torch.py", "AdditiveSeq2Seq",
                   *ADD_PARAMS),
         mechanism="pair: the decoder's backpropagation through time passes the gradient to the previous state "
                   "as dz @ Whd instead of dz @ Whd.T (the recurrent matrix not transposed; it is square, so "
                   "the shapes fit): the forward and loss are right, the output and attention gradients (Wo, bo, "
                   "va, Wq, Wk) are right, but every gradient carried back through the decoder recurrence (Whd, "
                   "Wxd, bd, the target embeddings) and on into the encoder through its initial state is wrong; "
                   "while the global-norm clip is active it rescales every gradient by the wrong norm",
         expected=("transpose", "transposed", ".t", "whd", "recurrent", "bptt", "through time", "backward",
                   "previous state", "square", "hidden-to-hidden", "chain rule", "matrix", "decoder")),
    dict(id="QS10_additive_context_overwrite", side="numpy",
         args=pair("10_additive_context_overwrite_numpy.py", "AdditiveSeq2Seq", "additive_torch.py",
                   "AdditiveSeq2Seq", *ADD_PARAMS),
         mechanism="pair: the gradient reaching the encoder states through the attention context is assigned, "
                   "dH = a * dctx, instead of accumulated, dH += a * dctx, inside the loop over decoder steps: "
                   "only the first decoder step's context gradient survives, the other steps' are overwritten, "
                   "so the encoder's weights and the source embeddings get wrong gradients (forward, loss and "
                   "the decoder, attention and output gradients right before the global-norm clip, which then "
                   "rescales all of them by the wrong norm while it is active)",
         expected=("accumulate", "accumulation", "+=", "overwrite", "overwritten", "assigned", "sum over",
                   "decoder steps", "time steps", "context", "encoder states", "attention", "backward",
                   "gradient", "missing")),
    dict(id="QS11_additive_clip_sum_of_norms", side="numpy",
         args=pair("11_additive_clip_sum_norms_numpy.py", "AdditiveSeq2Seq", "additive_torch.py",
                   "AdditiveSeq2Seq", *ADD_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of the per-parameter norms instead "
                   "of the square root of the sum of squares over all parameters (clip_grad_norm_): the norm is "
                   "overestimated, clipping kicks in more often and scales every gradient by a smaller factor, "
                   "the same factor for all parameters",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "total norm", "norm", "sum of norms",
                   "l2", "sqrt", "sum of squares", "scale factor", "one factor", "max_norm", "too small")),
    dict(id="QS12_luong_update_gate_sign", side="numpy",
         args=pair("12_luong_update_gate_sign_numpy.py", "LuongSeq2Seq", "luong_torch.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the hand-written GRU backward takes the update gate's gradient as dh' * (n - h) "
                   "instead of dh' * (h - n), the sign of d h'/d z flipped (the derivative of "
                   "(1 - z) n + z h is h - n): forward and loss are right, Wc, Wo and bo get right gradients, but "
                   "the update-gate pre-activation gradient is negated at every step, so the z-gate columns of "
                   "both GRUs' weights and biases and every gradient carried back to earlier steps, the "
                   "embeddings and the encoder are wrong",
         expected=("sign", "flipped", "negated", "update gate", "z gate", "gru", "derivative", "h - n",
                   "backward", "gate", "interpolation", "chain rule", "opposite")),
    dict(id="QS13_luong_mask_zero_score", side="numpy",
         args=pair("13_luong_mask_zero_numpy.py", "LuongSeq2Seq", "luong_torch.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the padding positions' scores are set to 0.0 instead of -1e9 before the softmax: a "
                   "zero score is not masked, the padding keeps a weight exp(0 - max) in every row, so the "
                   "attention leaks onto the padding states, the context, the loss and all gradients differ",
         expected=("mask", "masking", "padding", "-1e9", "-inf", "zero", "0.0", "softmax", "attention",
                   "weights", "leak", "score", "not masked", "large negative")),
    dict(id="QS14_luong_adam_eps_inside_sqrt", side="numpy",
         args=pair("14_luong_adam_eps_sqrt_numpy.py", "LuongSeq2Seq", "luong_torch.py", "LuongSeq2Seq",
                   *LUONG_PARAMS),
         mechanism="pair: the Adam update divides by sqrt(v_hat + eps) instead of sqrt(v_hat) + eps: for "
                   "parameters whose squared gradients are near 1e-8 the denominator is much larger, so their "
                   "updates are damped (by a factor depending on the gradient's size); gradients and moments "
                   "agree",
         expected=("eps", "epsilon", "sqrt", "square root", "inside", "denominator", "adam", "v_hat",
                   "second moment", "update", "small gradients", "damped", "numerical stability")),
    dict(id="QS15_general_ce_grad_unmasked", side="numpy",
         args=pair("15_general_ce_grad_unmasked_numpy.py", "GeneralSeq2Seq", "general_torch.py", "GeneralSeq2Seq",
                   *GEN_PARAMS),
         mechanism="pair: the cross-entropy gradient softmax - onehot is divided by the token count but not "
                   "multiplied by the non-padding mask, while the loss leaves the padding out: the padded "
                   "target positions (label 0) send a gradient back as if they were real tokens, so the loss "
                   "is right and every gradient is wrong (not the gradient of the loss)",
         expected=("mask", "padding", "pad", "unmasked", "cross-entropy", "softmax - onehot", "dlogits",
                   "loss gradient", "ignore", "non-padding", "gradient", "label 0", "inconsistent",
                   "backward")),
    dict(id="QS16_general_stale_state", side="numpy",
         args=pair("16_general_stale_state_numpy.py", "GeneralSeq2Seq", "general_torch.py", "GeneralSeq2Seq",
                   *GEN_PARAMS),
         mechanism="pair: the encoder GRU's backward reads the previous state as hs[j + 1], the step's own "
                   "output, instead of hs[j] (an off-by-one in the list of states, whose first entry is h_0): "
                   "the update gate's derivative h - n and the recurrent weight gradients Ur, Uz, Un use the "
                   "wrong state; forward and loss right",
         expected=("off by one", "off-by-one", "index", "previous state", "h_prev", "hs[j]", "cache",
                   "stale", "time step", "gru", "encoder", "recurrent", "backward", "wrong state")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QS17_additive_onehot_numpy", side="correct",
         args=pair("additive_onehot_numpy.py", "AdditiveAttention", "additive_torch.py", "AdditiveSeq2Seq",
                   *ADD_ATTR_PARAMS),
         mechanism="pair: the additive-attention seq2seq in NumPy with weights as attributes rebound by each "
                   "update, embeddings as one-hot matrix products, the forward kept in time-indexed arrays, "
                   "the mask as an additive (keep - 1) * 1e9, a log-sum-exp loss, np.einsum throughout and "
                   "clipping from np.linalg.norm of the flattened gradients; against the nn.Module port",
         expected=()),
    dict(id="QS18_luong_packed_gru_port", side="correct",
         args=pair("luong_numpy.py", "LuongSeq2Seq", "luong_packed_torch.py", "LuongGRU", *LUONG_GRU_PARAMS),
         mechanism="pair: the Luong port with nn.GRU layers, the encoder on a pack_padded_sequence "
                   "(enforce_sorted=False) whose h_n is each row's last real state, the decoder over all "
                   "teacher-forced steps in one call, einsum attention with an additive mask, per-token "
                   "F.cross_entropy(reduction='none') averaged by hand, zero_grad(set_to_none=True); against "
                   "the NumPy GRU that carries its state over the padding", expected=()),
    dict(id="QS19_general_raw_port", side="correct",
         args=pair("general_numpy.py", "GeneralSeq2Seq", "general_raw_torch.py", "GeneralRaw", *GEN_RAW_PARAMS),
         mechanism="pair: the bilinear-attention port with raw nn.Parameters in the NumPy (in, out) layout, "
                   "F.embedding, the input gates from one concatenated weight split with chunk, torch.lerp for "
                   "the GRU blend, torch.bmm scores, log_softmax + gather loss over a float mask and the "
                   "global-norm clipping written by hand before SGD(momentum)", expected=()),
]
